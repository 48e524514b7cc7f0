using PdfSharp.Fonts;

namespace Billing.Invoicing.Infrastructure.Documents;

/// <summary>
/// The fonts the PDFs use, from this assembly's resources, so a host needs no fonts installed
/// (docs-adr/0036). PDFsharp asks its one process-wide resolver for every typeface; this one knows
/// DejaVu Sans, regular and bold (licence: Fonts/LICENSE-DejaVu.txt).
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver = new EmbeddedFonts();
        return true;
    });

    /// <summary>Installs the resolver once per process, before the first document is drawn.</summary>
    public static void Register() => _ = Registered.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Billing.Invoicing.Infrastructure.Documents.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in {typeof(EmbeddedFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.Globalization;
using System.Text;

namespace Billing.Invoicing.Infrastructure.Documents;

/// <summary>
/// The smallest PDF 1.4 writer an invoice needs (docs-adr/0017): A4 pages, the standard Helvetica and
/// Helvetica-Bold fonts (never embedded, WinAnsi text), text at a point, left or right aligned, and
/// horizontal rules. Coordinates are points from the top-left corner.
/// </summary>
internal sealed class PdfWriter
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    private readonly List<StringBuilder> _pages = [];

    private StringBuilder Page => _pages[^1];

    public PdfWriter NewPage()
    {
        _pages.Add(new StringBuilder());
        return this;
    }

    public void Text(double x, double top, string text, double size = 10, bool bold = false, bool alignRight = false)
    {
        var encoded = Encode(text);
        var left = alignRight ? x - Width(encoded, size, bold) : x;
        Page.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {left:0.##} {PageHeight - top:0.##} Td (").Append(Escape(encoded)).Append(") Tj ET\n");
    }

    public void Rule(double x1, double x2, double top, double width = 0.5) =>
        Page.Append(CultureInfo.InvariantCulture, $"{width:0.##} w {x1:0.##} {PageHeight - top:0.##} m {x2:0.##} {PageHeight - top:0.##} l S\n");

    public byte[] ToBytes()
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var firstPage = 5;
        var kids = string.Join(' ', _pages.Select((_, index) => $"{firstPage + (index * 2)} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        foreach (var (content, index) in _pages.Select((page, index) => (page.ToString(), index)))
        {
            Object(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {firstPage + (index * 2) + 1} 0 R >>"));
            Object($"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}endstream");
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }

        Write(table.ToString());
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>Text as WinAnsi can show it: typographic signs the fonts lack become their plain forms.</summary>
    internal static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '\u2212' or '\u2013' or '\u2014' => "-",
                '\u2192' => "->",
                '\u2026' => "...",
                < ' ' => " ",
                > '\u00ff' => "?",
                _ => character.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    // Helvetica's advance widths are close to 0.55 em on average for digits and text; right-aligned
    // amounts are digits (0.556 em in both weights), so the estimate is exact where it matters.
    private static double Width(string text, double size, bool bold) =>
        text.Sum(character => character switch
        {
            >= '0' and <= '9' => 0.556,
            '.' or ',' or ' ' => 0.278,
            '-' => 0.333,
            _ => bold ? 0.611 : 0.556,
        }) * size;
}

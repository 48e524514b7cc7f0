using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Billing.Invoicing.Infrastructure.Documents;

/// <summary>
/// What the invoice layout draws with, over PDFsharp (docs-adr/0036): A4 pages, DejaVu Sans embedded
/// (subset) so names and descriptions in any script the font covers render, text at a point (its
/// baseline), left or right aligned, and horizontal rules. Coordinates are points from the top-left.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    private readonly PdfDocument _document = new();
    private readonly Dictionary<(double Size, bool Bold), XFont> _fonts = [];
    private XGraphics? _page;

    public PdfCanvas(string title)
    {
        EmbeddedFonts.Register();
        _document.Info.Title = title;
        _document.Info.Creator = "Billing";
    }

    public PdfCanvas NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _page = XGraphics.FromPdfPage(page);
        return this;
    }

    public void Text(double x, double top, string text, double size = 10, bool bold = false, bool alignRight = false)
    {
        var font = Font(size, bold);
        var left = alignRight ? x - Page.MeasureString(text, font).Width : x;
        Page.DrawString(text, font, XBrushes.Black, left, top);
    }

    public void Rule(double x1, double x2, double top, double width = 0.5) =>
        Page.DrawLine(new XPen(XColors.Black, width), x1, top, x2, top);

    public byte[] ToBytes()
    {
        _page?.Dispose();
        _page = null;
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _page?.Dispose();
        _document.Dispose();
    }

    private XGraphics Page => _page ?? throw new InvalidOperationException("Start a page first.");

    private XFont Font(double size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _fonts[(size, bold)] = font;
        }

        return font;
    }
}

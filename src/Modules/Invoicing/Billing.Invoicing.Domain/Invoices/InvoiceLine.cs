using Billing.Invoicing.Domain.Rating;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// One stored line of an invoice (INV-6). <see cref="ServiceStart"/>..<see cref="ServiceEnd"/> is the
/// period the line bills: the invoice's own period, or an earlier one for late usage (INV-5). The
/// quantities billed per meter and period are what later invoices compare against.
/// </summary>
internal sealed class InvoiceLine
{
    private InvoiceLine()
    {
    }

    public int Position { get; private set; }

    public LineKind Kind { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public decimal Amount { get; private set; }

    public IReadOnlyList<string> Computation { get; private set; } = [];

    public DateTimeOffset ServiceStart { get; private set; }

    public DateTimeOffset ServiceEnd { get; private set; }

    /// <summary>Why an adjustment was made; empty for computed lines.</summary>
    public string? Reason { get; private set; }

    public bool BillsUsage => Kind is LineKind.Usage or LineKind.LateUsage;

    public static InvoiceLine From(int position, RatedLine line, DateTimeOffset serviceStart, DateTimeOffset serviceEnd, string? reason = null) => new()
    {
        Position = position,
        Kind = line.Kind,
        Code = line.Code,
        Description = line.Description,
        Quantity = line.Quantity,
        Amount = line.Amount,
        Computation = line.Computation,
        ServiceStart = serviceStart,
        ServiceEnd = serviceEnd,
        Reason = reason,
    };

    public void Renumber(int position) => Position = position;

    public RatedLine ToRated() => new(Kind, Code, Description, Quantity, Amount, Computation);
}

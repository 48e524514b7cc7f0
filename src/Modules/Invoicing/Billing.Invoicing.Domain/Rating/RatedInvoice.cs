using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;

namespace Billing.Invoicing.Domain.Rating;

/// <summary>
/// What a customer owes for a period. Subtotal, tax and total are sums of rounded lines, so the lines
/// always add up to the total (INV-6).
/// </summary>
internal sealed record RatedInvoice(Currency Currency, Period Period, IReadOnlyList<RatedLine> Lines)
{
    public decimal Subtotal => Lines.Where(line => line.Kind != LineKind.Tax).Sum(line => line.Amount);

    public decimal Tax => Lines.Where(line => line.Kind == LineKind.Tax).Sum(line => line.Amount);

    public decimal Total => Lines.Sum(line => line.Amount);
}

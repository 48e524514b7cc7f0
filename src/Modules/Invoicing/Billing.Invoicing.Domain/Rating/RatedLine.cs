namespace Billing.Invoicing.Domain.Rating;

/// <summary>
/// One invoice line as rated: its amount already rounded to the currency's minor unit (INV-6), and
/// how it was computed, step by step, so a reader can check it by hand.
/// </summary>
internal sealed record RatedLine(
    LineKind Kind,
    string Code,
    string Description,
    decimal Quantity,
    decimal Amount,
    IReadOnlyList<string> Computation);

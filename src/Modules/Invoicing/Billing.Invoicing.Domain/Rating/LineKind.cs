namespace Billing.Invoicing.Domain.Rating;

/// <summary>INV-6: the kinds of invoice line, in the order an invoice lists them.</summary>
internal enum LineKind
{
    FixedFee,
    Usage,
    MinimumCommitment,
    Adjustment,
    Tax,
}

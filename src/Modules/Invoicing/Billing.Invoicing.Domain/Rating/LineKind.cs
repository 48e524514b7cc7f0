namespace Billing.Invoicing.Domain.Rating;

/// <summary>INV-6: the kinds of invoice line, in the order an invoice lists them.</summary>
internal enum LineKind
{
    FixedFee,
    Usage,

    /// <summary>INV-5: usage of an earlier, already finalized period, billed on a later invoice.</summary>
    LateUsage,
    MinimumCommitment,
    Adjustment,
    Tax,
}

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

    /// <summary>
    /// INV-16: the customer's balance: credit applied (negative), a debt applied (positive), or what
    /// would have made the invoice negative, carried to the balance (positive).
    /// </summary>
    Balance,
    Tax,
}

namespace Billing.Invoicing.Domain.Balances;

/// <summary>INV-16: why a customer's balance moved.</summary>
internal enum BalanceEntryKind
{
    /// <summary>An invoice's lines came to less than zero; the difference became credit.</summary>
    CarriedForward,

    /// <summary>Credit (or a debt) was applied to an invoice at its finalization.</summary>
    Applied,

    /// <summary>The invoice that moved the balance was voided; its movements are taken back.</summary>
    Reversed,
}

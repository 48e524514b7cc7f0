namespace Billing.Payments.Domain.Collections;

/// <summary>Where a Billing invoice stands at the payment provider, in the order a send moves through.</summary>
internal enum ProviderInvoiceStatus
{
    /// <summary>Queued to be sent; nothing exists at the provider yet.</summary>
    Queued,

    /// <summary>The provider's draft invoice exists; items are being added.</summary>
    Draft,

    /// <summary>Finalized at the provider; collection asked for or about to be.</summary>
    Open,
    Paid,

    /// <summary>PAY-5: collection failed (no payment method, declined); waits for an admin's charge.</summary>
    PaymentFailed,
    Void,
    Uncollectible,
}

namespace Billing.Invoicing.Domain.Subscriptions;

/// <summary>PLN-4: how an invoice is paid.</summary>
internal enum CollectionMethod
{
    /// <summary>Charged to the customer's payment method at finalization.</summary>
    ChargeAutomatically,

    /// <summary>Sent to the customer, due after the net terms.</summary>
    SendInvoice,
}

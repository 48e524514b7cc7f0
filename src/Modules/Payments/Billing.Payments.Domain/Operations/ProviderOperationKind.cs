namespace Billing.Payments.Domain.Operations;

/// <summary>The state-changing work Billing asks of the payment provider (PAY-7).</summary>
internal enum ProviderOperationKind
{
    /// <summary>PAY-2: make the provider customer for a customer created with <c>?stripe=true</c>; subject: the customer id.</summary>
    CreateCustomer,

    /// <summary>PAY-4: create, fill, finalize and collect an invoice; subject: the invoice id.</summary>
    SendInvoice,

    /// <summary>PAY-4: ask for payment again after a failure; subject: the invoice id, argument: the attempt.</summary>
    CollectInvoice,

    /// <summary>INV-10: void the provider's invoice; subject: the invoice id.</summary>
    VoidInvoice,

    /// <summary>Write the provider's invoice off; subject: the invoice id.</summary>
    MarkUncollectible,

    /// <summary>PAY-3: make a set-up card the customer's default; subject: the setup id, argument: the provider customer.</summary>
    SetDefaultPaymentMethod,
}

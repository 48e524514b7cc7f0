namespace Billing.Payments.Application.Provider;

/// <summary>
/// PAY-1: the port to a payment provider. Stripe's typed client implements it today; Stripe.net,
/// Paddle or Bill.com could tomorrow without touching the use cases. Every call that changes the
/// provider's state takes an idempotency key (PAY-7). Failures surface as
/// <see cref="PaymentProviderException"/>, transient or not.
/// </summary>
internal interface IPaymentProvider
{
    string Name { get; }

    Task<string> CreateCustomerAsync(ProviderCredentials credentials, ProviderCustomer customer, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A draft invoice that collects automatically and takes no pending items but ours.</summary>
    Task<string> CreateInvoiceAsync(ProviderCredentials credentials, ProviderInvoiceDraft invoice, string idempotencyKey, CancellationToken cancellationToken);

    Task AddInvoiceItemAsync(ProviderCredentials credentials, ProviderInvoiceItem item, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Finalizes the provider's invoice and says what the provider made of it: open, to be collected,
    /// or already paid (Stripe settles an invoice at finalization when nothing is due, PAY-4).
    /// </summary>
    Task<ProviderFinalization> FinalizeInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// The smallest amount the provider charges in the currency. Stripe does not refuse less: it marks
    /// such an invoice paid and carries the amount to the customer's next invoice, so Billing sends
    /// none below it (docs-adr/0030).
    /// </summary>
    decimal MinimumCharge(string currency);

    /// <summary>Asks the provider to collect; a refused payment is an outcome, not an exception.</summary>
    Task<CollectionOutcome> CollectInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken);

    Task VoidInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken);

    Task MarkUncollectibleAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken);

    Task<PaymentMethodSetup> StartPaymentMethodSetupAsync(
        ProviderCredentials credentials, string providerCustomerId, string successUrl, string cancelUrl, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>PAY-3: makes the payment method a completed setup collected the customer's default.</summary>
    Task UseSetUpPaymentMethodAsync(ProviderCredentials credentials, string providerCustomerId, string setupId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// PAY-6: verifies and reads a webhook; throws <see cref="InvalidWebhookException"/> when it does
    /// not verify. The signature's age is judged by the wall clock, as the provider signs in real time.
    /// </summary>
    ProviderEvent ReadWebhook(string payload, string? signatureHeader, string webhookSecret);
}

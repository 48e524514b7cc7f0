using System.Collections.Concurrent;
using Billing.Payments.Application.Provider;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// <see cref="IPaymentProvider"/> through Stripe.net (ADR 0037). Every state-changing call carries
/// the idempotency key Billing derived from its own ids (PAY-7); Stripe.net pins the API version and
/// retries timeouts, 409 and 5xx with that key; what is left transient goes to the outbox's backoff.
/// </summary>
internal sealed class StripePaymentProvider(StripeClients clients, IOptions<StripeOptions> options, ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    private static readonly ConcurrentDictionary<string, bool> ReportedVersions = new(StringComparer.Ordinal);

    public string Name => "Stripe";

    public async Task<string> CreateCustomerAsync(ProviderCredentials credentials, ProviderCustomer customer, string idempotencyKey, CancellationToken cancellationToken)
    {
        var create = new CustomerCreateOptions { Name = customer.Name, Email = customer.Email, Metadata = Metadata(customer.Metadata) };
        var created = await Call(credentials, (stripe, key) => stripe.V1.Customers.CreateAsync(create, key, cancellationToken), idempotencyKey, cancellationToken);
        return created.Id;
    }

    public async Task<string> CreateInvoiceAsync(ProviderCredentials credentials, ProviderInvoiceDraft invoice, string idempotencyKey, CancellationToken cancellationToken)
    {
        // auto_advance=false: Billing asks for payment itself, once, so Stripe's own retries never double a charge attempt.
        var create = new InvoiceCreateOptions
        {
            Customer = invoice.ProviderCustomerId,
            Currency = invoice.Currency.ToLowerInvariant(),
            CollectionMethod = "charge_automatically",
            AutoAdvance = false,
            PendingInvoiceItemsBehavior = "exclude",
            Description = invoice.Description,
            Metadata = Metadata(invoice.Metadata),
        };
        var created = await Call(credentials, (stripe, key) => stripe.V1.Invoices.CreateAsync(create, key, cancellationToken), idempotencyKey, cancellationToken);
        return created.Id;
    }

    public Task AddInvoiceItemAsync(ProviderCredentials credentials, ProviderInvoiceItem item, string idempotencyKey, CancellationToken cancellationToken)
    {
        var create = new InvoiceItemCreateOptions
        {
            Customer = item.ProviderCustomerId,
            Invoice = item.ProviderInvoiceId,
            Currency = item.Currency.ToLowerInvariant(),
            Amount = item.AmountMinor,
            Description = item.Description,
            Period = new InvoiceItemPeriodOptions { Start = item.PeriodStart.UtcDateTime, End = item.PeriodEnd.UtcDateTime },
        };
        return Call(credentials, (stripe, key) => stripe.V1.InvoiceItems.CreateAsync(create, key, cancellationToken), idempotencyKey, cancellationToken);
    }

    public async Task<ProviderFinalization> FinalizeInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var finalize = new InvoiceFinalizeOptions { AutoAdvance = false };
        var invoice = await Call(
            credentials, (stripe, key) => stripe.V1.Invoices.FinalizeInvoiceAsync(providerInvoiceId, finalize, key, cancellationToken), idempotencyKey, cancellationToken);
        return invoice.Status == "paid" ? new ProviderFinalization(true, Utc(invoice.StatusTransitions?.PaidAt)) : ProviderFinalization.Open;
    }

    public decimal MinimumCharge(string currency) => StripeMinimumCharge.For(currency);

    public async Task<CollectionOutcome> CollectInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var pay = new InvoicePayOptions { OffSession = true };
            var invoice = await clients.For(credentials.SecretKey).V1.Invoices.PayAsync(providerInvoiceId, pay, Key(idempotencyKey), cancellationToken);
            return invoice.Status == "paid"
                ? CollectionOutcome.Succeeded(null)
                : CollectionOutcome.Failed("payment_incomplete", $"Stripe left the invoice {invoice.Status}.");
        }
        catch (StripeException refused) when (StripeFailures.IsRefusal(refused))
        {
            return CollectionOutcome.Failed(StripeFailures.Reason(refused.StripeError), refused.StripeError.Message);
        }
        catch (Exception failure) when (StripeFailures.Translate(failure, cancellationToken) is { } transient)
        {
            throw transient;
        }
    }

    public Task VoidInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken) =>
        Call(credentials, (stripe, key) => stripe.V1.Invoices.VoidInvoiceAsync(providerInvoiceId, null, key, cancellationToken), idempotencyKey, cancellationToken);

    public Task MarkUncollectibleAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken) =>
        Call(credentials, (stripe, key) => stripe.V1.Invoices.MarkUncollectibleAsync(providerInvoiceId, null, key, cancellationToken), idempotencyKey, cancellationToken);

    public async Task<PaymentMethodSetup> StartPaymentMethodSetupAsync(
        ProviderCredentials credentials, string providerCustomerId, string successUrl, string cancelUrl, string idempotencyKey, CancellationToken cancellationToken)
    {
        var create = new SessionCreateOptions { Mode = "setup", Customer = providerCustomerId, AllowedPaymentMethodTypes = ["card"], SuccessUrl = successUrl, CancelUrl = cancelUrl };
        var session = await Call(credentials, (stripe, key) => stripe.V1.Checkout.Sessions.CreateAsync(create, key, cancellationToken), idempotencyKey, cancellationToken);
        return new PaymentMethodSetup(session.Url, Utc(session.ExpiresAt)!.Value);
    }

    /// <summary>The setup intent is found through the customer's list (the API subset Billing uses has no single-intent read).</summary>
    public async Task UseSetUpPaymentMethodAsync(ProviderCredentials credentials, string providerCustomerId, string setupId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var list = new SetupIntentListOptions { Customer = providerCustomerId, Limit = 100 };
        var setups = await StripeFailures.CallAsync(() => clients.For(credentials.SecretKey).V1.SetupIntents.ListAsync(list, null, cancellationToken), cancellationToken);
        if (setups.Data.FirstOrDefault(candidate => candidate.Id == setupId)?.PaymentMethodId is not { Length: > 0 } paymentMethod)
        {
            throw new PaymentProviderException("setup_incomplete", $"Setup {setupId} of {providerCustomerId} has no payment method.", transient: false);
        }

        var update = new CustomerUpdateOptions { InvoiceSettings = new CustomerInvoiceSettingsOptions { DefaultPaymentMethod = paymentMethod } };
        await Call(credentials, (stripe, key) => stripe.V1.Customers.UpdateAsync(providerCustomerId, update, key, cancellationToken), idempotencyKey, cancellationToken);
    }

    public ProviderEvent ReadWebhook(string payload, string? signatureHeader, string webhookSecret)
    {
        // The wall clock, not Billing's (possibly simulated) one: Stripe signs in real time.
        var (read, apiVersion) = StripeWebhook.Read(payload, signatureHeader, webhookSecret, TimeProvider.System.GetUtcNow(), options.Value.WebhookTolerance);
        if (apiVersion is { } version && version != StripeConfiguration.ApiVersion && ReportedVersions.TryAdd(version, true))
        {
            logger.LogWarning(
                "Stripe sends webhook events of API version {EventVersion}; Billing speaks {ApiVersion}. They are read all the same (ADR 0037), but pin the webhook endpoint to that version.",
                version, StripeConfiguration.ApiVersion);
        }

        return read;
    }

    private Task<T> Call<T>(ProviderCredentials credentials, Func<StripeClient, RequestOptions, Task<T>> call, string idempotencyKey, CancellationToken cancellationToken) =>
        StripeFailures.CallAsync(() => call(clients.For(credentials.SecretKey), Key(idempotencyKey)), cancellationToken);

    private static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static Dictionary<string, string> Metadata(IReadOnlyDictionary<string, string> values) => new(values, StringComparer.Ordinal);

    private static DateTimeOffset? Utc(DateTime? instant) =>
        instant is { } value && value != default ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Billing.Payments.Application.Provider;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// The typed Stripe client (ADR 0016), standing in for Stripe.net behind <see cref="IPaymentProvider"/>.
/// It speaks the API as ../shared/stripe describes it: form bodies with bracketed keys, bearer
/// auth, a pinned <c>Stripe-Version</c>, an <c>Idempotency-Key</c> on every state-changing call,
/// Stripe's error objects; and it retries a call a few times on timeouts, 409, 429 and 5xx with the
/// same key (backoff with jitter), as Stripe's own libraries do.
/// </summary>
internal sealed class StripeClient(IHttpClientFactory httpClients, IOptions<StripeOptions> options, ILogger<StripeClient> logger) : IPaymentProvider
{
    public const string HttpClientName = "stripe";

    public string Name => "Stripe";

    public async Task<string> CreateCustomerAsync(ProviderCredentials credentials, ProviderCustomer customer, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm().Add("name", customer.Name).Add("email", customer.Email).AddMap("metadata", customer.Metadata);
        var created = await PostAsync(credentials, "v1/customers", form, idempotencyKey, cancellationToken);
        return Id(created);
    }

    public async Task<string> CreateInvoiceAsync(ProviderCredentials credentials, ProviderInvoiceDraft invoice, string idempotencyKey, CancellationToken cancellationToken)
    {
        // auto_advance=false: Billing asks for payment itself, once, so Stripe's own retries never double a charge attempt.
        var form = new StripeForm()
            .Add("customer", invoice.ProviderCustomerId)
            .Add("currency", invoice.Currency.ToLowerInvariant())
            .Add("collection_method", "charge_automatically")
            .Add("auto_advance", false)
            .Add("pending_invoice_items_behavior", "exclude")
            .Add("description", invoice.Description)
            .AddMap("metadata", invoice.Metadata);
        var created = await PostAsync(credentials, "v1/invoices", form, idempotencyKey, cancellationToken);
        return Id(created);
    }

    public Task AddInvoiceItemAsync(ProviderCredentials credentials, ProviderInvoiceItem item, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("customer", item.ProviderCustomerId)
            .Add("invoice", item.ProviderInvoiceId)
            .Add("currency", item.Currency.ToLowerInvariant())
            .Add("amount", item.AmountMinor)
            .Add("description", item.Description)
            .Add("period[start]", item.PeriodStart)
            .Add("period[end]", item.PeriodEnd);
        return PostAsync(credentials, "v1/invoiceitems", form, idempotencyKey, cancellationToken);
    }

    public async Task<ProviderFinalization> FinalizeInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var invoice = await PostAsync(
            credentials, $"v1/invoices/{Uri.EscapeDataString(providerInvoiceId)}/finalize", new StripeForm().Add("auto_advance", false), idempotencyKey, cancellationToken);
        if (Text(invoice, "status") != "paid")
        {
            return ProviderFinalization.Open;
        }

        var paidAt = invoice.TryGetProperty("status_transitions", out var transitions) && transitions.TryGetProperty("paid_at", out var at) && at.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        return new ProviderFinalization(true, paidAt);
    }

    public decimal MinimumCharge(string currency) => StripeMinimumCharge.For(currency);

    public async Task<CollectionOutcome> CollectInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var invoice = await SendWithRetriesAsync(
                credentials, HttpMethod.Post, $"v1/invoices/{Uri.EscapeDataString(providerInvoiceId)}/pay", new StripeForm().Add("off_session", true), idempotencyKey, cancellationToken);
            return invoice.GetProperty("status").GetString() == "paid"
                ? CollectionOutcome.Succeeded(null)
                : CollectionOutcome.Failed("payment_incomplete", $"Stripe left the invoice {invoice.GetProperty("status").GetString()}.");
        }
        catch (StripeRequestException refused) when (!refused.Transient)
        {
            return CollectionOutcome.Failed(FailureReason(refused.Error), refused.Error.Message);
        }
        catch (StripeRequestException failure)
        {
            throw new PaymentProviderException(failure.Error.Code ?? failure.Error.Type, failure.Error.Message, transient: true, failure.StatusCode);
        }
    }

    public Task VoidInvoiceAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(credentials, $"v1/invoices/{Uri.EscapeDataString(providerInvoiceId)}/void", new StripeForm(), idempotencyKey, cancellationToken);

    public Task MarkUncollectibleAsync(ProviderCredentials credentials, string providerInvoiceId, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(credentials, $"v1/invoices/{Uri.EscapeDataString(providerInvoiceId)}/mark_uncollectible", new StripeForm(), idempotencyKey, cancellationToken);

    public async Task<PaymentMethodSetup> StartPaymentMethodSetupAsync(
        ProviderCredentials credentials, string providerCustomerId, string successUrl, string cancelUrl, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("mode", "setup")
            .Add("customer", providerCustomerId)
            .AddList("payment_method_types", "card")
            .Add("success_url", successUrl)
            .Add("cancel_url", cancelUrl);
        var session = await PostAsync(credentials, "v1/checkout/sessions", form, idempotencyKey, cancellationToken);
        return new PaymentMethodSetup(
            session.GetProperty("url").GetString()!,
            DateTimeOffset.FromUnixTimeSeconds(session.GetProperty("expires_at").GetInt64()));
    }

    /// <summary>The setup intent is found through the customer's list (the API subset we use has no single-intent read).</summary>
    public async Task UseSetUpPaymentMethodAsync(ProviderCredentials credentials, string providerCustomerId, string setupId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var setups = await SendAsync(
            credentials, HttpMethod.Get, $"v1/setup_intents?customer={Uri.EscapeDataString(providerCustomerId)}&limit=100", null, null, cancellationToken);
        var setup = setups.GetProperty("data").EnumerateArray().FirstOrDefault(candidate => Text(candidate, "id") == setupId);
        if (setup.ValueKind != JsonValueKind.Object || Text(setup, "payment_method") is not { } paymentMethod)
        {
            throw new PaymentProviderException("setup_incomplete", $"Setup {setupId} of {providerCustomerId} has no payment method.", transient: false);
        }

        var form = new StripeForm().Add("invoice_settings[default_payment_method]", paymentMethod);
        await PostAsync(credentials, $"v1/customers/{Uri.EscapeDataString(providerCustomerId)}", form, idempotencyKey, cancellationToken);
    }

    public ProviderEvent ReadWebhook(string payload, string? signatureHeader, string webhookSecret)
    {
        // The wall clock, not Billing's (possibly simulated) one: Stripe signs in real time.
        StripeSignature.Verify(payload, signatureHeader, webhookSecret, TimeProvider.System.GetUtcNow(), options.Value.WebhookTolerance);
        return StripeEvents.Read(payload);
    }

    /// <summary>PAY-5: the reason recorded on the invoice, most specific first.</summary>
    private static string FailureReason(StripeError error)
    {
        if (error.PaymentIntentStatus is { } status)
        {
            return status;
        }

        if (error.Message.Contains("no attached payment source or default payment method", StringComparison.OrdinalIgnoreCase))
        {
            return "requires_payment_method";
        }

        return error.DeclineCode ?? error.Code ?? error.Type;
    }

    private Task<JsonElement> PostAsync(ProviderCredentials credentials, string path, StripeForm form, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(credentials, HttpMethod.Post, path, form, idempotencyKey, cancellationToken);

    /// <summary>A call whose failure, after the quick retries, is the port's <see cref="PaymentProviderException"/>.</summary>
    private async Task<JsonElement> SendAsync(
        ProviderCredentials credentials, HttpMethod method, string path, StripeForm? form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            return await SendWithRetriesAsync(credentials, method, path, form, idempotencyKey, cancellationToken);
        }
        catch (StripeRequestException failure)
        {
            throw new PaymentProviderException(failure.Error.Code ?? failure.Error.Type, failure.Error.Message, failure.Transient, failure.StatusCode);
        }
    }

    private async Task<JsonElement> SendWithRetriesAsync(
        ProviderCredentials credentials, HttpMethod method, string path, StripeForm? form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(credentials, method, path, form, idempotencyKey, settings, cancellationToken);
            }
            catch (StripeRequestException failure) when (failure.Transient && attempt < settings.MaxNetworkRetries)
            {
                var delay = RetryDelay(settings.RetryDelay, attempt, failure.RetryAfter);
                logger.LogInformation("Stripe {Method} {Path} failed ({Reason}); retry {Retry} in {Delay} ms with the same idempotency key",
                    method, path, failure.Message, attempt + 1, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task<JsonElement> SendOnceAsync(
        ProviderCredentials credentials, HttpMethod method, string path, StripeForm? form, string? idempotencyKey, StripeOptions settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.SecretKey);
        request.Headers.Add("Stripe-Version", StripeOptions.ApiVersion);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (method == HttpMethod.Post)
        {
            // Stripe wants the form content type also on an empty body.
            request.Content = new StringContent((form ?? new StripeForm()).Encode(), Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw StripeRequestException.Network("timeout", $"Stripe did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException failure)
        {
            throw StripeRequestException.Network("connection_error", $"Stripe could not be reached: {failure.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }

            var status = (int)response.StatusCode;
            var transient = status is 409 or 429 || status >= 500;
            if (response.Headers.TryGetValues("Stripe-Should-Retry", out var shouldRetry))
            {
                transient = shouldRetry.FirstOrDefault() == "true";
            }

            throw new StripeRequestException(StripeError.Read(body, status), status, transient, response.Headers.RetryAfter?.Delta);
        }
    }

    private static TimeSpan RetryDelay(TimeSpan first, int attempt, TimeSpan? retryAfter)
    {
        var backoff = Math.Min(8000, first.TotalMilliseconds * Math.Pow(2, attempt));
        var jittered = backoff * (0.75 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Max(jittered, Math.Min(30_000, retryAfter?.TotalMilliseconds ?? 0)));
    }

    private static string Id(JsonElement created) => created.GetProperty("id").GetString()!;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Net;
using Billing.Payments.Application.Provider;
using Stripe;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// What Stripe.net throws, in the port's terms. Stripe.net has already retried what it retries
/// (timeouts, connection errors, 409, 5xx); what reaches here transient (those after the last retry,
/// and 429) goes back to the outbox's backoff with the same idempotency key (PAY-7).
/// </summary>
internal static class StripeFailures
{
    /// <summary>Runs one Stripe call; a failure becomes a <see cref="PaymentProviderException"/>.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception failure) when (Translate(failure, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>A refusal Stripe will give again (a decline, no payment method), as opposed to one worth retrying.</summary>
    public static bool IsRefusal(StripeException failure) => failure.StripeError is not null && !IsTransient(failure);

    /// <summary>PAY-5: the reason recorded on the invoice, most specific first.</summary>
    public static string Reason(StripeError error)
    {
        if (error.PaymentIntent?.Status is { } status)
        {
            return status;
        }

        if (error.Message?.Contains("no attached payment source or default payment method", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "requires_payment_method";
        }

        return error.DeclineCode ?? error.Code ?? error.Type ?? "api_error";
    }

    /// <summary>A failure of Stripe.net in the port's terms; null for anything else (a bug, or the caller cancelling).</summary>
    public static PaymentProviderException? Translate(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        StripeException { StripeError: { } error } stripe =>
            new PaymentProviderException(error.Code ?? error.Type ?? "api_error", error.Message ?? $"Stripe answered {(int)stripe.HttpStatusCode}.", IsTransient(stripe), (int)stripe.HttpStatusCode),
        StripeException stripe =>
            new PaymentProviderException("api_connection_error", $"Stripe could not be reached: {stripe.Message}", transient: true),
        HttpRequestException network =>
            new PaymentProviderException("connection_error", $"Stripe could not be reached: {network.Message}", transient: true),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new PaymentProviderException("timeout", "Stripe did not answer in time.", transient: true),
        _ => null,
    };

    private static bool IsTransient(StripeException failure)
    {
        if (failure.StripeResponse?.Headers is { } headers && headers.TryGetValues("Stripe-Should-Retry", out var shouldRetry))
        {
            return shouldRetry.FirstOrDefault() == "true";
        }

        var status = failure.HttpStatusCode;
        return status is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)status >= 500 || status == 0;
    }
}

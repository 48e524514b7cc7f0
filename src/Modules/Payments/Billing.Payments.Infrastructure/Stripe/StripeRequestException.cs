namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>One failed attempt, before the retry decision.</summary>
internal sealed class StripeRequestException(StripeError error, int? statusCode, bool transient, TimeSpan? retryAfter = null) : Exception(error.Message)
{
    public StripeError Error { get; } = error;

    public int? StatusCode { get; } = statusCode;

    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static StripeRequestException Network(string code, string message) =>
        new(new StripeError("api_connection_error", code, null, message, null, null), null, transient: true);
}

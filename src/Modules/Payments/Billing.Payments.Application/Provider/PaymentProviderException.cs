namespace Billing.Payments.Application.Provider;

/// <summary>
/// The provider refused or could not answer. <see cref="Transient"/> failures (timeouts, 429, 5xx,
/// connection errors) are retried with backoff; the others are permanent and recorded, never
/// retried in a loop (PAY-5).
/// </summary>
internal sealed class PaymentProviderException(string code, string message, bool transient, int? statusCode = null) : Exception(message)
{
    public string Code { get; } = code;

    public bool Transient { get; } = transient;

    public int? StatusCode { get; } = statusCode;
}

/// <summary>PAY-6: a webhook whose signature, timestamp or body does not verify.</summary>
internal sealed class InvalidWebhookException(string message) : Exception(message);

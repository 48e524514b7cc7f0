namespace Billing.Payments.Contracts;

/// <summary>
/// PAY-1: whether the caller's environment can reach Stripe, and from where its keys come
/// (<c>api</c>, <c>configuration</c> or <c>none</c>). Secrets are never returned; the hint shows the
/// key's mode and last four characters.
/// </summary>
public sealed record StripeConnectionDto(string Environment, bool Configured, string Source, string? SecretKeyHint, bool WebhookSecretSet, DateTimeOffset? UpdatedAt);

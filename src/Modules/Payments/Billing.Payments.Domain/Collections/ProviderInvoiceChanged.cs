using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.Collections;

/// <summary>
/// The provider reported a change Billing's invoice must follow: paid, payment failed, void or
/// uncollectible (PAY-5, PAY-6). Raised once per change, however often the provider reports it.
/// </summary>
internal sealed record ProviderInvoiceChanged(string InvoiceId, ProviderInvoiceStatus Status, string? Reason, string? Message, DateTimeOffset OccurredAt) : IDomainEvent;

using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.ListSubscriptions;

/// <summary>The environment's subscriptions, oldest first, optionally of one customer.</summary>
internal sealed record ListSubscriptionsQuery(string? Customer) : IQuery<IReadOnlyList<SubscriptionDto>>;

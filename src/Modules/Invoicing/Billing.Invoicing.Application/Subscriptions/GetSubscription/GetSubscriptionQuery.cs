using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Subscriptions.GetSubscription;

internal sealed record GetSubscriptionQuery(string Id) : IQuery<SubscriptionDto>;

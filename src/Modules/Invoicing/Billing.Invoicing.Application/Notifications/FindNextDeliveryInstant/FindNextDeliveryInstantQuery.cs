using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Notifications.FindNextDeliveryInstant;

/// <summary>OPS-4: the first instant after <see cref="After"/> at which an outbound webhook is to be tried again.</summary>
internal sealed record FindNextDeliveryInstantQuery(DateTimeOffset After) : IQuery<DateTimeOffset?>;

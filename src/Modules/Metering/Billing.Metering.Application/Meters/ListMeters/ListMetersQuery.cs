using Billing.BuildingBlocks.Application.Messaging;
using Billing.Metering.Contracts;

namespace Billing.Metering.Application.Meters.ListMeters;

/// <summary>MET-1: every meter of the environment, oldest first (there are few).</summary>
internal sealed record ListMetersQuery : IQuery<IReadOnlyList<MeterDto>>;

using Billing.BuildingBlocks.Application.Messaging;
using Billing.Metering.Contracts;

namespace Billing.Metering.Application.Meters.CreateMeter;

/// <summary>MET-1. <c>property</c> is required for every aggregation but <c>count</c>.</summary>
internal sealed record CreateMeterCommand(string? Code, string? DisplayName, string? EventName, string? Aggregation, string? Property)
    : ICommand<MeterDto>;

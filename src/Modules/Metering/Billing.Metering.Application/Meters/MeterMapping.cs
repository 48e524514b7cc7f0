using Billing.BuildingBlocks.Application.Validation;
using Billing.Metering.Contracts;
using Billing.Metering.Domain.Meters;

namespace Billing.Metering.Application.Meters;

internal static class MeterMapping
{
    public static MeterDto ToDto(this Meter meter) =>
        new(meter.Id, meter.Code, meter.DisplayName, meter.EventName, WireName.Of(meter.Aggregation), meter.Property, meter.CreatedAt);
}

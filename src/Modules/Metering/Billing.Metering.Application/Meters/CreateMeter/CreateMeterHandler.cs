using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Contracts;
using Billing.Metering.Domain.Meters;
using MediatR;

namespace Billing.Metering.Application.Meters.CreateMeter;

internal sealed class CreateMeterHandler(IMeterRepository meters, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreateMeterCommand, MeterDto>
{
    public async Task<MeterDto> Handle(CreateMeterCommand command, CancellationToken cancellationToken)
    {
        if (await meters.ExistsAsync(command.Code!, command.EventName!, cancellationToken))
        {
            throw new BusinessRuleViolation(
                "meter_exists",
                $"A meter with code '{command.Code}' or event name '{command.EventName}' already exists in this environment.");
        }

        var meter = Meter.Create(
            command.Code!, command.DisplayName!, command.EventName!, WireName.Parse<Aggregation>(command.Aggregation!), command.Property, clock.GetUtcNow());
        meters.Add(meter);
        var dto = meter.ToDto();
        audit.Record("meter", meter.Id, "created", AuditChanges.Between(null, dto with { CreatedAt = default }));
        return dto;
    }
}

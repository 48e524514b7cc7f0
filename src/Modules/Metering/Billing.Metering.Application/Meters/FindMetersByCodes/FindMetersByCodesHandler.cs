using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Meters.FindMetersByCodes;

internal sealed class FindMetersByCodesHandler(IMeterRepository meters) : IRequestHandler<FindMetersByCodesQuery, IReadOnlyDictionary<string, MeterDto>>
{
    public async Task<IReadOnlyDictionary<string, MeterDto>> Handle(FindMetersByCodesQuery query, CancellationToken cancellationToken) =>
        (await meters.ListAsync(cancellationToken))
            .Where(meter => query.Codes.Contains(meter.Code))
            .ToDictionary(meter => meter.Code, meter => meter.ToDto());
}

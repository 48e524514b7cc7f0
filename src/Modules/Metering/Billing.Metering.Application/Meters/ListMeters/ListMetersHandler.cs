using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Meters.ListMeters;

internal sealed class ListMetersHandler(IMeterRepository meters) : IRequestHandler<ListMetersQuery, IReadOnlyList<MeterDto>>
{
    public async Task<IReadOnlyList<MeterDto>> Handle(ListMetersQuery query, CancellationToken cancellationToken) =>
        (await meters.ListAsync(cancellationToken)).Select(meter => meter.ToDto()).ToList();
}

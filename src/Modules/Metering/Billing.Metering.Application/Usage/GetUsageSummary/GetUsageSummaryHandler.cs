using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Contracts;
using Billing.Metering.Application.Meters;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Usage.GetUsageSummary;

internal sealed class GetUsageSummaryHandler(IMediator mediator, IMeterRepository meters, IUsageSummaryReader reader)
    : IRequestHandler<GetUsageSummaryQuery, UsageSummaryDto>
{
    public async Task<UsageSummaryDto> Handle(GetUsageSummaryQuery query, CancellationToken cancellationToken)
    {
        // Not found in this environment is a 404, not an empty summary that looks like no usage.
        if (!query.CustomerKnown)
        {
            await mediator.Send(new GetCustomerQuery(query.CustomerId), cancellationToken);
        }

        var selected = query.MeterCode is null
            ? await meters.ListAsync(cancellationToken)
            : [await meters.FindByCodeAsync(query.MeterCode, cancellationToken) ?? throw new NotFoundException("meter", query.MeterCode)];

        var from = query.From.ToUniversalTime();
        var to = query.To.ToUniversalTime();
        var usage = new List<MeterUsageDto>(selected.Count);
        foreach (var meter in selected)
        {
            var measured = await reader.SummarizeAsync(query.CustomerId, meter, from, to, cancellationToken);
            usage.Add(new MeterUsageDto(meter.Code, meter.EventName, WireName.Of(meter.Aggregation), measured.Quantity, measured.EventCount));
        }

        return new UsageSummaryDto(query.CustomerId, from, to, usage);
    }
}

using Billing.BuildingBlocks.Application.Errors;
using Billing.Customers.Contracts;
using Billing.Metering.Application.Meters;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Usage.GetUsageSummary;

internal sealed class GetUsageSummaryHandler(IMediator mediator, IMeterRepository meters, UsageSummaries summaries)
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

        var summary = await summaries.SummarizeAsync([query.CustomerId], selected, query.From, query.To, cancellationToken);
        return summary[query.CustomerId];
    }
}

using Billing.Metering.Application.Meters;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Usage.GetUsageSummaries;

internal sealed class GetUsageSummariesHandler(IMeterRepository meters, UsageSummaries summaries)
    : IRequestHandler<GetUsageSummariesQuery, IReadOnlyDictionary<string, UsageSummaryDto>>
{
    public async Task<IReadOnlyDictionary<string, UsageSummaryDto>> Handle(GetUsageSummariesQuery query, CancellationToken cancellationToken) =>
        await summaries.SummarizeAsync(query.CustomerIds, await meters.ListAsync(cancellationToken), query.From, query.To, cancellationToken);
}

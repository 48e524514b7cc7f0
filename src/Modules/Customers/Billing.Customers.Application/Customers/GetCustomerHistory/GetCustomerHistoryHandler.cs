using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using MediatR;

namespace Billing.Customers.Application.Customers.GetCustomerHistory;

internal sealed class GetCustomerHistoryHandler(ICustomerRepository customers)
    : IRequestHandler<GetCustomerHistoryQuery, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(GetCustomerHistoryQuery query, CancellationToken cancellationToken)
    {
        _ = await customers.ReadAsync(query.CustomerId, cancellationToken)
            ?? throw new NotFoundException(CustomerMapping.AuditEntityType, query.CustomerId);
        return await customers.HistoryAsync(query.CustomerId, cancellationToken);
    }
}

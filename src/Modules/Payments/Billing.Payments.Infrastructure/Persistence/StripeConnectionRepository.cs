using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Payments.Application.Connections;
using Billing.Payments.Domain.Connections;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

internal sealed class StripeConnectionRepository(PaymentsDbContext context, ICallerContext caller) : IStripeConnectionRepository
{
    public Task<StripeConnection?> FindAsync(CancellationToken cancellationToken)
    {
        var id = caller.Environment.ToWireName();
        return context.StripeConnections.SingleOrDefaultAsync(connection => connection.Id == id, cancellationToken);
    }

    public void Add(StripeConnection connection) => context.StripeConnections.Add(connection);
}

using Billing.Payments.Application.Webhooks;
using Billing.Payments.Domain.ProviderEvents;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

internal sealed class ProviderEventReceiptRepository(PaymentsDbContext context) : IProviderEventReceiptRepository
{
    public Task<bool> ExistsAsync(string eventId, CancellationToken cancellationToken) =>
        context.ProviderEventReceipts.AnyAsync(receipt => receipt.EventId == eventId, cancellationToken);

    public void Add(ProviderEventReceipt receipt) => context.ProviderEventReceipts.Add(receipt);
}

using Billing.Payments.Domain.ProviderEvents;

namespace Billing.Payments.Application.Webhooks;

internal interface IProviderEventReceiptRepository
{
    Task<bool> ExistsAsync(string eventId, CancellationToken cancellationToken);

    void Add(ProviderEventReceipt receipt);
}

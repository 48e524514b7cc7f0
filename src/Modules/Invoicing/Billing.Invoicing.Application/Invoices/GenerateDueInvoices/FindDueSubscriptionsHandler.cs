using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

internal sealed class FindDueSubscriptionsHandler(ISubscriptionRepository subscriptions, IInvoicingSettingsRepository settings, TimeProvider clock)
    : IRequestHandler<FindDueSubscriptionsQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(FindDueSubscriptionsQuery query, CancellationToken cancellationToken)
    {
        var closeDelay = (await settings.GetAsync(cancellationToken)).CloseDelay;
        return await subscriptions.DueAsync(clock.GetUtcNow() - closeDelay, query.Limit, cancellationToken);
    }
}

using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

internal sealed class ComposeDueDraftsHandler(
    ISubscriptionRepository subscriptions,
    IPlanRepository plans,
    IInvoicingSettingsRepository settings,
    InvoiceComposer composer,
    TimeProvider clock)
    : IRequestHandler<ComposeDueDraftsQuery, ComposedAhead>
{
    public async Task<ComposedAhead> Handle(ComposeDueDraftsQuery query, CancellationToken cancellationToken)
    {
        var config = await settings.GetAsync(cancellationToken);
        var cutoff = clock.GetUtcNow() - config.CloseDelay;
        var requests = new List<ComposeRequest>();

        // Detached copies: the cycle only reads them here, and the command reads them again under the lock.
        foreach (var subscription in (await subscriptions.ReadManyAsync(query.SubscriptionIds, cancellationToken)).Values)
        {
            var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
            if (subscription.DuePeriod(plan.Interval, cutoff) is { } period && subscription.Bills(period))
            {
                // A new draft is not stored yet, so there is nothing of its own to leave out of its earlier bills.
                requests.Add(new ComposeRequest(subscription, plan, period, period.End, config.LateUsageLookBack, Excluded: new HashSet<string>()));
            }
        }

        return ComposedAhead.Of(requests, await composer.ComposeManyAsync(requests, cancellationToken));
    }
}

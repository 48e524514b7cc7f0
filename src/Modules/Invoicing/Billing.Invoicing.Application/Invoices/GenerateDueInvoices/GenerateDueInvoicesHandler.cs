using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Plans;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>
/// Each subscription is read again inside the transaction, so a rerun, a restart mid-run or a second
/// instance finds its period already billed and does nothing; the unique key on (subscription,
/// period, generation) stops what slips past.
/// </summary>
internal sealed class GenerateDueInvoicesHandler(
    ISubscriptionRepository subscriptions,
    IPlanRepository plans,
    IInvoiceRepository invoices,
    IInvoicingSettingsRepository settings,
    InvoiceIssuer issuer,
    TimeProvider clock)
    : IRequestHandler<GenerateDueInvoicesCommand, int>
{
    public async Task<int> Handle(GenerateDueInvoicesCommand command, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - (await settings.GetAsync(cancellationToken)).CloseDelay;
        var planCache = new Dictionary<string, Plan>();
        var billed = 0;
        foreach (var id in command.SubscriptionIds)
        {
            var subscription = await subscriptions.FindAsync(id, cancellationToken);
            if (subscription is null || subscription.UnbilledPeriodEnd > cutoff)
            {
                continue;
            }

            if (!planCache.TryGetValue(subscription.PlanId, out var plan))
            {
                plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
                planCache[plan.Id] = plan;
            }

            subscription.EnsureCycle(plan.Interval);
            if (subscription.UnbilledPeriodEnd > cutoff)
            {
                billed++;
                continue;
            }

            var period = subscription.UnbilledPeriod();

            // A manual invoice may have claimed the period already (INV-9); then there is nothing to make.
            if (subscription.Bills(period) && await invoices.LastGenerationAsync(subscription.Id, period.Start, cancellationToken) is null)
            {
                await issuer.IssueAsync(
                    new InvoiceRequest(InvoiceKind.Scheduled, subscription, plan, period, period.End, Generation: 0, Replaces: null, "billing period ended"),
                    cancellationToken);
            }

            subscription.MarkBilled(period, plan.Interval);
            billed++;
        }

        return billed;
    }
}

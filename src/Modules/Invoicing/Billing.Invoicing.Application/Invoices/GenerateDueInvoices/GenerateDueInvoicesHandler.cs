using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>
/// Each subscription is read again inside the transaction, so a rerun, a restart mid-run or a second
/// instance finds its period already billed and does nothing; the unique key on (subscription,
/// period, generation) stops what slips past. The batch is read and rated together (P5).
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
        var found = await subscriptions.FindManyAsync(command.SubscriptionIds, cancellationToken);
        var billed = 0;
        var due = new List<(Subscription Subscription, Plan Plan, Period Period)>();
        foreach (var id in command.SubscriptionIds)
        {
            if (!found.TryGetValue(id, out var subscription) || subscription.UnbilledPeriodEnd > cutoff)
            {
                continue;
            }

            var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
            if (subscription.DuePeriod(plan.Interval, cutoff) is not { } period)
            {
                billed++;
                continue;
            }

            due.Add((subscription, plan, period));
        }

        // A manual invoice may have claimed the period already (INV-9); then there is nothing to make.
        var invoiced = await invoices.InvoicedAsync(due.Select(one => new SubscriptionPeriod(one.Subscription.Id, one.Period.Start)).ToList(), cancellationToken);
        await issuer.IssueManyAsync(
            due.Where(one => one.Subscription.Bills(one.Period) && !invoiced.Contains(new SubscriptionPeriod(one.Subscription.Id, one.Period.Start)))
                .Select(one => new InvoiceRequest(InvoiceKind.Scheduled, one.Subscription, one.Plan, one.Period, one.Period.End, Generation: 0, Replaces: null, "billing period ended"))
                .ToList(),
            command.Ahead ?? ComposedAhead.None,
            cancellationToken);

        foreach (var (subscription, plan, period) in due)
        {
            subscription.MarkBilled(period, plan.Interval);
            billed++;
        }

        return billed;
    }
}

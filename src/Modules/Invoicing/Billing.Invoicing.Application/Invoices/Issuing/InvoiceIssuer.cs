using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Settings;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.Issuing;

/// <summary>
/// Makes and finalizes invoices the one way every path shares (scheduled, manual, regenerated):
/// rate, open the draft with the grace its rules give (INV-3, INV-4), and at finalization rate again
/// from the latest usage and number it (INV-7).
/// </summary>
internal sealed class InvoiceIssuer(
    IInvoiceRepository invoices,
    ISubscriptionRepository subscriptions,
    IPlanRepository plans,
    IInvoicingSettingsRepository settings,
    InvoiceComposer composer,
    IMediator mediator,
    ICallerContext caller,
    TimeProvider clock)
{
    private readonly Dictionary<string, Plan> _plans = [];

    public async Task<Invoice> IssueAsync(InvoiceRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (subscription, plan) = (request.Subscription, request.Plan);
        var customer = await mediator.Send(new GetCustomerQuery(subscription.CustomerId), cancellationToken);
        var config = await settings.GetAsync(cancellationToken);

        var invoice = Invoice.Draft(
            new InvoiceDraft(request.Kind, subscription, plan.Code, customer.Id, customer.Name, customer.ExternalId, plan.Currency, customer.TaxRate,
                request.Period, request.UsageEnd, request.Generation, request.Replaces?.Id, request.Reason),
            now);
        var excluded = new HashSet<string> { invoice.Id };
        if (request.Replaces is { } replaced)
        {
            excluded.Add(replaced.Id);
        }

        var composed = await composer.ComposeAsync(
            new ComposeRequest(subscription, plan, request.Period, request.UsageEnd, config.LateUsageWindow, excluded), cancellationToken);
        invoice.Recompute(composed.PlanVersion, composed.Lines);

        var grace = config.Grace.GraceFor(new InvoiceTraits(
            FromSubscriptionCycle: request.Kind == InvoiceKind.Scheduled,
            HasMeteredCharge: invoice.HasMeteredCharge,
            FirstOfChargeAutomatically: request.Kind == InvoiceKind.Scheduled && request.Generation == 0 && invoice.FirstOfSubscription
                && subscription.CollectionMethod == CollectionMethod.ChargeAutomatically));
        invoice.ScheduleFinalization(now + grace);
        invoices.Add(invoice);

        if (grace == TimeSpan.Zero)
        {
            await FinalizeAsync(invoice, subscription, plan, config, "the first invoice of a charge_automatically subscription finalizes at once (INV-4)", cancellationToken);
        }

        return invoice;
    }

    /// <summary>INV-3: quantities from the latest usage of the period, then draft → open with the next number.</summary>
    public async Task FinalizeAsync(Invoice invoice, string reason, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ReadAsync(invoice.SubscriptionId, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {invoice.Id} names subscription {invoice.SubscriptionId}, which does not exist.");
        if (!_plans.TryGetValue(subscription.PlanId, out var plan))
        {
            // A batch finalizes many invoices of few plans: read each plan once per unit of work.
            plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
            _plans[plan.Id] = plan;
        }

        await FinalizeAsync(invoice, subscription, plan, await settings.GetAsync(cancellationToken), reason, cancellationToken);
    }

    private async Task FinalizeAsync(Invoice invoice, Subscription subscription, Plan plan, InvoicingSettings config, string reason, CancellationToken cancellationToken)
    {
        var composed = await composer.ComposeAsync(
            new ComposeRequest(subscription, plan, invoice.BilledPeriod(), invoice.UsageEnd, config.LateUsageWindow, new HashSet<string> { invoice.Id }),
            cancellationToken);
        invoice.Recompute(composed.PlanVersion, composed.Lines);
        var sequence = await invoices.LastSequenceAsync(cancellationToken) + 1;
        invoice.Finalize(sequence, caller.Environment, clock.GetUtcNow(), reason);
    }
}

/// <summary>A new invoice for a subscription's period; <see cref="Replaces"/> when it regenerates one.</summary>
internal sealed record InvoiceRequest(
    InvoiceKind Kind, Subscription Subscription, Plan Plan, Period Period, DateTimeOffset UsageEnd, int Generation, Invoice? Replaces, string Reason);

using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Application.Balances;
using Billing.Invoicing.Application.Customers;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Settings;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Application.Invoices.Issuing;

/// <summary>
/// Makes and finalizes invoices the one way every path shares (scheduled, manual, regenerated):
/// rate, open the draft with the grace its rules give (INV-3, INV-4), and at finalization rate again
/// from the latest usage, apply the customer's balance (INV-16) and number it (INV-7). A cycle's
/// batch goes through together, so its reads are a fixed number of queries rather than a dozen per
/// invoice; a single invoice is a batch of one.
/// </summary>
internal sealed class InvoiceIssuer(
    IInvoiceRepository invoices,
    ISubscriptionRepository subscriptions,
    IPlanRepository plans,
    IInvoicingSettingsRepository settings,
    InvoiceComposer composer,
    CustomerDirectory customers,
    IBalanceLedger ledger,
    ICallerContext caller,
    TimeProvider clock)
{
    private const string FinalizesAtOnce = "the first invoice of a charge_automatically subscription finalizes at once (INV-4)";

    public async Task<Invoice> IssueAsync(InvoiceRequest request, CancellationToken cancellationToken) =>
        (await IssueManyAsync([request], ComposedAhead.None, cancellationToken))[0];

    /// <param name="ahead">Drafts composed before the transaction; a draft may use one since it is composed again at finalization (INV-3).</param>
    public async Task<IReadOnlyList<Invoice>> IssueManyAsync(IReadOnlyList<InvoiceRequest> requests, ComposedAhead ahead, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var config = await settings.GetAsync(cancellationToken);
        await customers.LoadAsync(requests.Select(request => request.Subscription.CustomerId), cancellationToken);

        var drafts = new List<Invoice>(requests.Count);
        foreach (var request in requests)
        {
            var (subscription, plan) = (request.Subscription, request.Plan);
            var customer = await customers.GetAsync(subscription.CustomerId, cancellationToken);
            drafts.Add(Invoice.Draft(
                new InvoiceDraft(request.Kind, subscription, plan.Code, customer.Id, customer.Name, customer.ExternalId, plan.Currency, customer.TaxRate,
                    request.Period, request.UsageEnd, request.Generation, request.Replaces?.Id, request.Reason),
                now));
        }

        var composed = await ComposeDraftsAsync(
            requests.Select((request, index) => new ComposeRequest(
                request.Subscription, request.Plan, request.Period, request.UsageEnd, config.LateUsageLookBack, Excluded(drafts[index], request.Replaces))).ToList(),
            ahead,
            cancellationToken);

        var atOnce = new List<Finalization>();
        for (var index = 0; index < requests.Count; index++)
        {
            var (request, invoice) = (requests[index], drafts[index]);
            invoice.Rate(composed[index]);
            var grace = config.Grace.GraceFor(new InvoiceTraits(
                FromSubscriptionCycle: request.Kind == InvoiceKind.Scheduled,
                HasMeteredCharge: invoice.HasMeteredCharge,
                FirstOfChargeAutomatically: request.Kind == InvoiceKind.Scheduled && request.Generation == 0 && invoice.FirstOfSubscription
                    && request.Subscription.CollectionMethod == CollectionMethod.ChargeAutomatically));
            invoice.ScheduleFinalization(now + grace);
            invoices.Add(invoice);
            if (grace == TimeSpan.Zero)
            {
                atOnce.Add(new Finalization(invoice, request.Subscription, request.Plan));
            }
        }

        await FinalizeManyAsync(atOnce, config, FinalizesAtOnce, cancellationToken);
        return drafts;
    }

    /// <summary>INV-3: quantities from the latest usage of the period, then draft → open with the next number.</summary>
    public Task FinalizeAsync(Invoice invoice, string reason, CancellationToken cancellationToken) =>
        FinalizeManyAsync([invoice], reason, cancellationToken);

    /// <summary>INV-3 for many drafts, numbered in the order given.</summary>
    public async Task FinalizeManyAsync(IReadOnlyList<Invoice> drafts, string reason, CancellationToken cancellationToken)
    {
        var subscriptionsById = await subscriptions.ReadManyAsync(drafts.Select(invoice => invoice.SubscriptionId).Distinct().ToList(), cancellationToken);
        var finalizations = new List<Finalization>(drafts.Count);
        foreach (var invoice in drafts)
        {
            var subscription = subscriptionsById.GetValueOrDefault(invoice.SubscriptionId)
                ?? throw new InvalidOperationException($"Invoice {invoice.Id} names subscription {invoice.SubscriptionId}, which does not exist.");
            finalizations.Add(new Finalization(invoice, subscription, (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!));
        }

        await FinalizeManyAsync(finalizations, await settings.GetAsync(cancellationToken), reason, cancellationToken);
    }

    private async Task FinalizeManyAsync(IReadOnlyList<Finalization> finalizations, InvoicingSettings config, string reason, CancellationToken cancellationToken)
    {
        if (finalizations.Count == 0)
        {
            return;
        }

        // The notices of the finalization need the customers: read them with the rest of the batch.
        await customers.LoadAsync(finalizations.Select(finalization => finalization.Invoice.CustomerId), cancellationToken);
        var composed = await composer.ComposeManyAsync(
            finalizations.Select(finalization => new ComposeRequest(
                finalization.Subscription, finalization.Plan, finalization.Invoice.BilledPeriod(), finalization.Invoice.UsageEnd, config.LateUsageLookBack,
                Excluded(finalization.Invoice, replaced: null))).ToList(),
            cancellationToken);
        // INV-16: each customer's balance goes on its next finalized invoice; a batch with several
        // invoices of one customer passes what is left from one to the next.
        var balances = new Dictionary<string, decimal>(
            await ledger.BalancesAsync(finalizations.Select(finalization => finalization.Invoice.CustomerId).Distinct().ToList(), cancellationToken));
        for (var index = 0; index < finalizations.Count; index++)
        {
            var invoice = finalizations[index].Invoice;
            invoice.Rate(composed[index]);
            invoice.ApplyBalance(balances.GetValueOrDefault(invoice.CustomerId));
            balances[invoice.CustomerId] = balances.GetValueOrDefault(invoice.CustomerId) + invoice.BalanceMovement;
            invoice.Finalize(await invoices.NextSequenceAsync(cancellationToken), caller.Environment, clock.GetUtcNow(), reason);
        }
    }

    /// <summary>What was composed ahead where it still fits, the rest now, in one batch.</summary>
    private async Task<IReadOnlyList<ComposedInvoice>> ComposeDraftsAsync(IReadOnlyList<ComposeRequest> requests, ComposedAhead ahead, CancellationToken cancellationToken)
    {
        var composed = requests.Select(ahead.Find).ToArray();
        var missing = Enumerable.Range(0, requests.Count).Where(index => composed[index] is null).ToList();
        var composedNow = await composer.ComposeManyAsync(missing.Select(index => requests[index]).ToList(), cancellationToken);
        for (var index = 0; index < missing.Count; index++)
        {
            composed[missing[index]] = composedNow[index];
        }

        return composed!;
    }

    /// <summary>The invoice being rated, and the one it replaces, are not earlier bills of its period.</summary>
    private static HashSet<string> Excluded(Invoice invoice, Invoice? replaced) =>
        replaced is null ? [invoice.Id] : [invoice.Id, replaced.Id];

    private sealed record Finalization(Invoice Invoice, Subscription Subscription, Plan Plan);
}

/// <summary>A new invoice for a subscription's period; <see cref="Replaces"/> when it regenerates one.</summary>
internal sealed record InvoiceRequest(
    InvoiceKind Kind, Subscription Subscription, Plan Plan, Period Period, DateTimeOffset UsageEnd, int Generation, Invoice? Replaces, string Reason);

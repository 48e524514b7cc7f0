using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.CreateManualInvoice;

/// <summary>
/// A manual invoice takes the period's place: the scheduler will not invoice that period again, and
/// usage of the period after "so far" is billed on the next invoice as late usage (INV-5). See
/// docs-adr/0020.
/// </summary>
internal sealed class CreateManualInvoiceHandler(
    ISubscriptionRepository subscriptions, IPlanRepository plans, IInvoiceRepository invoices, InvoiceIssuer issuer, TimeProvider clock)
    : IRequestHandler<CreateManualInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(CreateManualInvoiceCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscription = await SubscriptionOfAsync(command, cancellationToken);
        var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var cycle = subscription.CycleFor(plan.Interval);

        var start = command.PeriodStart?.ToUniversalTime() ?? now;
        if (start < subscription.StartDate || start > now)
        {
            throw FieldError.For("periodStart", $"The period must have started: between the subscription's start ({subscription.StartDate:O}) and now ({now:O}).");
        }

        var period = cycle.PeriodContaining(start);
        if (command.PeriodStart is not null && period.Start != start)
        {
            throw FieldError.For("periodStart", $"{start:O} is not the start of a billing period of this subscription; the period containing it starts {period.Start:O}.");
        }

        period = subscription.BilledPart(period)
            ?? throw FieldError.For("periodStart", $"Subscription {subscription.Id} ended at {subscription.EndsAt:O}; the period {period} is not billed (PLN-5).");
        if (await invoices.LastGenerationAsync(subscription.Id, period.Start, cancellationToken) is not null)
        {
            throw new BusinessRuleViolation(
                "period_already_invoiced", $"The period {period} of subscription {subscription.Id} already has an invoice; regenerate it to bill it again (INV-10).");
        }

        var usageEnd = period.End < now ? period.End : now;
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? "manual invoice" : command.Reason;
        var invoice = await issuer.IssueAsync(
            new InvoiceRequest(InvoiceKind.Manual, subscription, plan, period, usageEnd, Generation: 0, Replaces: null, reason), cancellationToken);
        return invoice.ToDto();
    }

    private async Task<Subscription> SubscriptionOfAsync(CreateManualInvoiceCommand command, CancellationToken cancellationToken)
    {
        if (command.SubscriptionId is { Length: > 0 } id)
        {
            var subscription = await subscriptions.ReadAsync(id, cancellationToken);
            return subscription is not null && subscription.CustomerId == command.CustomerId
                ? subscription
                : throw FieldError.For("subscriptionId", $"Customer {command.CustomerId} has no subscription '{id}'.");
        }

        var all = await subscriptions.ListAsync(command.CustomerId, cancellationToken);
        return all.Count switch
        {
            1 => all[0],
            0 => throw FieldError.For("customerId", $"Customer '{command.CustomerId}' has no subscription in this environment."),
            _ => throw FieldError.For("subscriptionId", $"Customer {command.CustomerId} has {all.Count} subscriptions; name one."),
        };
    }
}

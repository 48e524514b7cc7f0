using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Rating;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.PreviewUpcomingInvoice;

/// <summary>
/// INV-12 with the code path the real invoice takes (<see cref="InvoiceComposer"/>): the period
/// containing now (cut where a canceled subscription ends, PLN-5), the plan version in force at its start, the period's usage so far and any late
/// usage of earlier periods, then the customer's tax. Nothing is stored.
/// </summary>
internal sealed class PreviewUpcomingInvoiceHandler(
    ISubscriptionRepository subscriptions, IPlanRepository plans, IInvoicingSettingsRepository settings, InvoiceComposer composer, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PreviewUpcomingInvoiceQuery, UpcomingInvoiceDto>
{
    public async Task<UpcomingInvoiceDto> Handle(PreviewUpcomingInvoiceQuery query, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ReadAsync(query.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, query.SubscriptionId);
        var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var customer = await mediator.Send(new GetCustomerQuery(subscription.CustomerId), cancellationToken);

        var now = clock.GetUtcNow();
        var period = subscription.UpcomingPeriod(plan.Interval, now)
            ?? throw new BusinessRuleViolation("no_upcoming_invoice", $"Subscription {subscription.Id} ended at {subscription.EndsAt:O} and its last period is invoiced.");
        var lateUsageLookBack = (await settings.GetAsync(cancellationToken)).LateUsageLookBack;
        var composed = await composer.ComposeAsync(
            new ComposeRequest(subscription, plan, period, period.End, lateUsageLookBack, new HashSet<string>()), cancellationToken);

        var lines = composed.Lines.ToList();
        if (Rater.Tax(lines.Select(line => line.Line), customer.TaxRate, plan.Currency) is { } tax)
        {
            lines.Add(new(tax, period.Start, period.End));
        }

        var totals = new RatedInvoice(plan.Currency, period, lines.Select(line => line.Line).ToList());
        return new UpcomingInvoiceDto(
            subscription.Id,
            subscription.CustomerId,
            plan.Code,
            composed.PlanVersion,
            plan.Currency.Code,
            period.Start,
            period.End,
            lines.Select(line => new InvoiceLineDto(
                WireName.Of(line.Line.Kind), line.Line.Code, line.Line.Description, line.Line.Quantity, line.Line.Amount, line.Line.Computation, line.Start, line.End)).ToList(),
            totals.Subtotal,
            totals.Tax,
            totals.Total);
    }
}

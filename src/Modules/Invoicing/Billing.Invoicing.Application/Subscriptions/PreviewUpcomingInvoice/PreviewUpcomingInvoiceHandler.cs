using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Balances;
using Billing.Invoicing.Application.Invoices.Composing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.PreviewUpcomingInvoice;

/// <summary>
/// INV-12 with the code path the real invoice takes (<see cref="InvoiceComposer"/>): the period
/// containing now (cut where a canceled subscription ends, PLN-5), the plan version in force at its start, the period's usage so far and any late
/// usage of earlier periods, the customer's balance (INV-16), then the customer's tax. Nothing is stored.
/// </summary>
internal sealed class PreviewUpcomingInvoiceHandler(
    ISubscriptionRepository subscriptions, IPlanRepository plans, IInvoicingSettingsRepository settings, InvoiceComposer composer, IBalanceLedger ledger, IMediator mediator, TimeProvider clock)
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

        // The lines go through an invoice that is never stored, so tax and the customer's balance
        // (INV-16) come out exactly as they will at finalization.
        var invoice = Invoice.Draft(
            new InvoiceDraft(InvoiceKind.Scheduled, subscription, plan.Code, customer.Id, customer.Name, customer.ExternalId, plan.Currency, customer.TaxRate,
                period, period.End, Generation: 0, Replaces: null, "preview"),
            now);
        invoice.Rate(composed);
        invoice.ApplyBalance((await ledger.BalancesAsync([customer.Id], cancellationToken)).GetValueOrDefault(customer.Id));
        return new UpcomingInvoiceDto(
            subscription.Id,
            subscription.CustomerId,
            invoice.PlanCode,
            composed.PlanVersion,
            plan.Currency.Code,
            period.Start,
            period.End,
            invoice.Lines.Select(line => new InvoiceLineDto(
                WireName.Of(line.Kind), line.Code, line.Description, line.Quantity, line.Amount, line.Computation, line.ServiceStart, line.ServiceEnd)).ToList(),
            invoice.Subtotal,
            invoice.Tax,
            invoice.Total);
    }
}

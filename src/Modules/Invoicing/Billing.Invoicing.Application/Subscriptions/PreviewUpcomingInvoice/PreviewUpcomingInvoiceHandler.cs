using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Rating;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.PreviewUpcomingInvoice;

/// <summary>
/// INV-12 with the code path the real invoice will take: the period containing now, the plan version
/// in force at its start, the period's usage from Metering (MET-6), the customer's tax rate, and the
/// rating engine (INV-6).
/// </summary>
internal sealed class PreviewUpcomingInvoiceHandler(ISubscriptionRepository subscriptions, IPlanRepository plans, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PreviewUpcomingInvoiceQuery, UpcomingInvoiceDto>
{
    public async Task<UpcomingInvoiceDto> Handle(PreviewUpcomingInvoiceQuery query, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.ReadAsync(query.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException(SubscriptionMapping.AuditEntityType, query.SubscriptionId);
        var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var customer = await mediator.Send(new GetCustomerQuery(subscription.CustomerId), cancellationToken);

        var now = clock.GetUtcNow();
        var cycle = subscription.CycleFor(plan.Interval);
        var period = now < subscription.StartDate ? cycle.FirstPeriod : cycle.PeriodContaining(now);
        var version = plan.VersionAt(period.Start);
        var usage = await mediator.Send(new GetUsageSummaryQuery(subscription.CustomerId, null, period.Start, period.End), cancellationToken);

        var invoice = Rater.Rate(
            plan.TermsOf(version),
            period,
            firstPeriod: period.Start == subscription.StartDate,
            usage.Meters.ToDictionary(meter => meter.MeterCode, meter => meter.Quantity),
            customer.TaxRate);

        return new UpcomingInvoiceDto(
            subscription.Id,
            subscription.CustomerId,
            plan.Code,
            version.Number,
            invoice.Currency.Code,
            period.Start,
            period.End,
            invoice.Lines.Select(line => new InvoiceLineDto(WireName.Of(line.Kind), line.Code, line.Description, line.Quantity, line.Amount, line.Computation)).ToList(),
            invoice.Subtotal,
            invoice.Tax,
            invoice.Total);
    }
}

using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Domain.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.FindNextDueInstant;

internal sealed class FindNextCycleInstantHandler(ISubscriptionRepository subscriptions, IInvoiceRepository invoices, IInvoicingSettingsRepository settings)
    : IRequestHandler<FindNextCycleInstantQuery, DateTimeOffset?>
{
    public async Task<DateTimeOffset?> Handle(FindNextCycleInstantQuery query, CancellationToken cancellationToken)
    {
        var closeDelay = (await settings.GetAsync(cancellationToken)).CloseDelay;
        var closes = await subscriptions.NextUnbilledPeriodEndAfterAsync(query.After - closeDelay, cancellationToken) + closeDelay;
        var finalizes = await invoices.NextFinalizationAfterAsync(query.After, cancellationToken);
        var overdue = await invoices.NextDueDateAfterAsync(query.After - Invoice.OverdueAfterDueDate, cancellationToken) + Invoice.OverdueAfterDueDate;
        return new[] { closes, finalizes, overdue }.Where(instant => instant is not null).Min();
    }
}

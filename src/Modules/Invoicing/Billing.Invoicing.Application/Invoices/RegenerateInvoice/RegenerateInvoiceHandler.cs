using Billing.BuildingBlocks.Application.Events;
using Billing.Invoicing.Application.Invoices.Issuing;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Subscriptions;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.RegenerateInvoice;

internal sealed class RegenerateInvoiceHandler(
    IInvoiceRepository invoices,
    ISubscriptionRepository subscriptions,
    IPlanRepository plans,
    InvoiceIssuer issuer,
    IIntegrationEventOutbox outbox,
    TimeProvider clock)
    : IRequestHandler<RegenerateInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(RegenerateInvoiceCommand command, CancellationToken cancellationToken)
    {
        var old = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        var now = clock.GetUtcNow();
        old.Void(now, $"regenerated: {command.Reason}");

        var subscription = (await subscriptions.ReadAsync(old.SubscriptionId, cancellationToken))!;
        var plan = (await plans.ReadByIdAsync(subscription.PlanId, cancellationToken))!;
        var generation = (await invoices.LastGenerationAsync(old.SubscriptionId, old.PeriodStart, cancellationToken) ?? old.Generation) + 1;
        var replacement = await issuer.IssueAsync(
            new InvoiceRequest(old.Kind, subscription, plan, old.BilledPeriod(), old.UsageEnd, generation, Replaces: old, $"regenerates {old.Number ?? old.Id}: {command.Reason}"),
            cancellationToken);
        old.ReplacedBy(replacement.Id);

        outbox.Enqueue(new InvoiceRegeneratedIntegrationEvent(Guid.NewGuid(), now, old.Id, replacement.Id));
        return replacement.ToDto();
    }
}

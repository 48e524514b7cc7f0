using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Invoices;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Billing.Invoicing.Application.Invoices.PaymentProvider;

/// <summary>
/// PAY-6, PAY-8: status changes made in the provider are the only thing pulled back. A change the
/// status machine refuses is logged and left alone rather than retried forever: the provider's
/// event is a report, and Billing's history stays the record.
/// </summary>
internal sealed class ApplyProviderInvoiceStatusHandler(IInvoiceRepository invoices, TimeProvider clock, ILogger<ApplyProviderInvoiceStatusHandler> logger)
    : IRequestHandler<ApplyProviderInvoiceStatusCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(ApplyProviderInvoiceStatusCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        var target = command.Status switch
        {
            "void" => InvoiceStatus.Void,
            "uncollectible" => InvoiceStatus.Uncollectible,
            _ => throw new BusinessRuleViolation("unknown_provider_status", $"'{command.Status}' is not a status a provider can set; use void or uncollectible."),
        };
        if (invoice.Status == target)
        {
            return invoice.ToDto();
        }

        if (!InvoiceStatusMachine.CanMove(invoice.Status, target))
        {
            logger.LogWarning(
                "The payment provider reported invoice {InvoiceId} {Target}, but it is {Current} here; left as it is",
                invoice.Id, command.Status, InvoiceStatusMachine.Name(invoice.Status));
            return invoice.ToDto();
        }

        if (target == InvoiceStatus.Void)
        {
            invoice.Void(clock.GetUtcNow(), command.Reason);
        }
        else
        {
            invoice.MarkUncollectible(clock.GetUtcNow(), command.Reason);
        }

        return invoice.ToDto();
    }
}

using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Payments.Application.Operations;
using Billing.Payments.Contracts;
using MediatR;

namespace Billing.Payments.Application.Collections.GetInvoicePayment;

internal sealed class GetInvoicePaymentHandler(IProviderInvoiceRepository providerInvoices, IProviderOperationRepository operations, IMediator mediator)
    : IRequestHandler<GetInvoicePaymentQuery, InvoicePaymentDto>
{
    public async Task<InvoicePaymentDto> Handle(GetInvoicePaymentQuery query, CancellationToken cancellationToken)
    {
        var sent = await providerInvoices.FindAsync(query.InvoiceId, cancellationToken);
        if (sent is null)
        {
            // Unknown invoices are a 404, as everywhere else.
            var invoice = await mediator.Send(new GetInvoiceQuery(query.InvoiceId), cancellationToken);
            return new InvoicePaymentDto(invoice.Id, "stripe", "not_sent", null, null, null, null, []);
        }

        var queued = await operations.ForSubjectAsync(sent.Id, cancellationToken);
        return new InvoicePaymentDto(
            sent.Id,
            "stripe",
            WireName.Of(sent.Status),
            sent.ProviderInvoiceId,
            sent.ProviderCustomerId,
            sent.FailureReason,
            sent.FailureMessage,
            queued.Select(operation => new ProviderOperationDto(
                operation.Id,
                WireName.Of(operation.Kind),
                WireName.Of(operation.Status),
                operation.Attempts,
                operation.LastError,
                operation.CreatedAt,
                operation.CompletedAt)).ToList());
    }
}

using Billing.BuildingBlocks.Application.Audit;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Invoices.AddAdjustment;

internal sealed class AddAdjustmentHandler(IInvoiceRepository invoices, IAuditTrail audit) : IRequestHandler<AddAdjustmentCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(AddAdjustmentCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(command.InvoiceId, cancellationToken);
        var before = invoice.Total;
        var amount = command.Amount!.Value;
        var description = string.IsNullOrWhiteSpace(command.Description) ? (amount < 0m ? "Credit" : "Correction") : command.Description;
        invoice.Adjust(amount, description, command.Reason!);
        audit.Record(InvoiceMapping.AuditEntityType, invoice.Id, "adjusted", new Dictionary<string, AuditChange>
        {
            ["adjustment"] = new(null, amount),
            ["total"] = new(before, invoice.Total),
        }, command.Reason);
        return invoice.ToDto();
    }
}

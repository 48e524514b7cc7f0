using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.VoidInvoice;

/// <summary>INV-10: void a finalized invoice, with a reason.</summary>
internal sealed record VoidInvoiceCommand(string? Reason) : ICommand<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string InvoiceId { get; init; } = string.Empty;
}

using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.RegenerateInvoice;

/// <summary>
/// INV-10: void a finalized invoice and issue a new one for the same period from current rates and
/// usage; answers the new invoice (a draft under the grace rules), which points back at the old one.
/// </summary>
internal sealed record RegenerateInvoiceCommand(string? Reason) : ICommand<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string InvoiceId { get; init; } = string.Empty;
}

using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.FinalizeInvoice;

/// <summary>An admin finalizes a draft before its grace period ends.</summary>
internal sealed record FinalizeInvoiceCommand(string? Reason) : ICommand<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string InvoiceId { get; init; } = string.Empty;
}

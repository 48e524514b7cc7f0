using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.MarkUncollectible;

/// <summary>Write an open or past-due invoice off as uncollectible, with a reason.</summary>
internal sealed record MarkUncollectibleCommand(string? Reason) : ICommand<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string InvoiceId { get; init; } = string.Empty;
}

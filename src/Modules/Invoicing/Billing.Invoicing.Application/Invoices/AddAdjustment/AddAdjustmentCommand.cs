using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;

namespace Billing.Invoicing.Application.Invoices.AddAdjustment;

/// <summary>
/// INV-6: a credit (negative <c>amount</c>) or correction (positive) on a draft, with a
/// <c>reason</c>; an open invoice is corrected by voiding and regenerating it instead.
/// </summary>
internal sealed record AddAdjustmentCommand(decimal? Amount, string? Description, string? Reason) : ICommand<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string InvoiceId { get; init; } = string.Empty;
}

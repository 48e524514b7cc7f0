using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.MarkOverdueInvoices;

/// <summary>INV-11: move these open invoices to past_due if still overdue, and notify.</summary>
internal sealed record MarkOverdueInvoicesCommand(IReadOnlyList<string> InvoiceIds) : ICommand<int>, IBatchCommand
{
    public int Count => InvoiceIds.Count;
}

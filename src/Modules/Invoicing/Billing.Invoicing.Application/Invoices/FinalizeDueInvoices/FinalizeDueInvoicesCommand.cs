using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.FinalizeDueInvoices;

/// <summary>INV-3: finalize these drafts if their grace period is over; one batch, one transaction.</summary>
internal sealed record FinalizeDueInvoicesCommand(IReadOnlyList<string> InvoiceIds) : ICommand<int>, IBatchCommand
{
    public int Count => InvoiceIds.Count;
}

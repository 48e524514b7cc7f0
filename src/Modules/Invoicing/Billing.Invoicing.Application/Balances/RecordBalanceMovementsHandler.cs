using Billing.BuildingBlocks.Application.Events;
using Billing.Invoicing.Domain.Balances;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Rating;

namespace Billing.Invoicing.Application.Balances;

/// <summary>
/// INV-16: the ledger follows the invoices, in the transaction that changes them. A finalized
/// invoice's balance lines become entries (what it carried forward, what it applied); voiding a
/// finalized invoice takes its movements back. A draft moves nothing: its lines are not final.
/// </summary>
internal sealed class RecordBalanceMovementsHandler(IBalanceLedger ledger) : IDomainEventHandler<InvoiceStatusChanged>
{
    public Task Handle(DomainEventNotification<InvoiceStatusChanged> notification, CancellationToken cancellationToken)
    {
        var change = notification.DomainEvent;
        var invoice = change.Invoice;
        if (change.To == InvoiceStatus.Open && change.From == InvoiceStatus.Draft)
        {
            foreach (var line in invoice.Lines.Where(line => line.Kind == LineKind.Balance))
            {
                var kind = line.Code == Invoice.CarriedToBalance ? BalanceEntryKind.CarriedForward : BalanceEntryKind.Applied;
                ledger.Add(BalanceEntry.Record(invoice.CustomerId, kind, line.Amount, invoice.Currency, invoice.Id, invoice.Number, change.OccurredAt));
            }
        }
        else if (change.To == InvoiceStatus.Void && change.From != InvoiceStatus.Draft && invoice.BalanceMovement != 0m)
        {
            ledger.Add(BalanceEntry.Record(invoice.CustomerId, BalanceEntryKind.Reversed, -invoice.BalanceMovement, invoice.Currency, invoice.Id, invoice.Number, change.OccurredAt));
        }

        return Task.CompletedTask;
    }
}

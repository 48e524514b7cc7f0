using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Application.Invoices.Composing;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>
/// INV-2: invoice the unbilled period of each of these subscriptions when it has ended and the close
/// delay has passed; one bounded batch, one transaction. Answers how many periods were dealt with.
/// </summary>
/// <param name="Ahead">Drafts composed before the transaction (<see cref="ComposeDueDraftsQuery"/>); those that no longer fit are composed again.</param>
internal sealed record GenerateDueInvoicesCommand(IReadOnlyList<string> SubscriptionIds, ComposedAhead? Ahead = null) : ICommand<int>, IBatchCommand
{
    public int Count => SubscriptionIds.Count;
}

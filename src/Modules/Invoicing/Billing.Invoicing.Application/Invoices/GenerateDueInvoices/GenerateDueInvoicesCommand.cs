using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>
/// INV-2: invoice the unbilled period of each of these subscriptions when it has ended and the close
/// delay has passed; one bounded batch, one transaction. Answers how many periods were dealt with.
/// </summary>
internal sealed record GenerateDueInvoicesCommand(IReadOnlyList<string> SubscriptionIds) : ICommand<int>;

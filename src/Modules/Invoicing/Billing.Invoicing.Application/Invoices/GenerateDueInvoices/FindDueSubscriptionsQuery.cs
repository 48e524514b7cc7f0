using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.GenerateDueInvoices;

/// <summary>INV-2: up to <see cref="Limit"/> subscriptions with a period due for its invoice, oldest period first.</summary>
internal sealed record FindDueSubscriptionsQuery(int Limit) : IQuery<IReadOnlyList<string>>;

using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Contracts;

/// <summary>
/// Many customers of the caller's environment by Billing id, in one query (Invoicing reads the
/// customers of a whole batch of invoices at once). Unknown ids are absent from the answer.
/// </summary>
public sealed record FindCustomersQuery(IReadOnlyCollection<string> CustomerIds) : IQuery<IReadOnlyDictionary<string, CustomerDto>>;

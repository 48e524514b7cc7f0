using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Contracts;

/// <summary>
/// Resolves many external ids of the caller's environment in one query (Metering checks every event
/// of a batch at once). Unknown ids are absent from the answer.
/// </summary>
public sealed record FindCustomersByExternalIdsQuery(IReadOnlyCollection<string> ExternalIds)
    : IQuery<IReadOnlyDictionary<string, CustomerReference>>;

/// <summary>Just enough of a customer to refer to it from another module.</summary>
public sealed record CustomerReference(string Id, string ExternalId, string Status);

using Billing.BuildingBlocks.Domain;

namespace Billing.BuildingBlocks.Application.Access;

/// <summary>
/// Who is acting and in which environment (ENV-1). Set once per request from the API key, or by a
/// background job for the work item it runs; every query filter and every write reads it.
/// Reading it before it is set throws, so nothing can run unscoped by accident.
/// </summary>
public interface ICallerContext
{
    BillingEnvironment Environment { get; }

    /// <summary>The API key id, or <c>system:&lt;job&gt;</c> for background work.</summary>
    string Actor { get; }
}

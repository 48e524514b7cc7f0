using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Application.Plans;

/// <summary>Plans of the caller's environment, with their versions.</summary>
internal interface IPlanRepository
{
    Task<bool> ExistsAsync(string code, CancellationToken cancellationToken);

    void Add(Plan plan);

    /// <summary>A tracked plan, to change inside a command.</summary>
    Task<Plan?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    Task<Plan?> ReadByIdAsync(string id, CancellationToken cancellationToken);

    Task<Plan?> ReadByCodeAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken);
}

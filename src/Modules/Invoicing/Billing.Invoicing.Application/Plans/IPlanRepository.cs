using Billing.BuildingBlocks.Application.Audit;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Application.Plans;

/// <summary>Plans of the caller's environment, with their versions.</summary>
internal interface IPlanRepository
{
    Task<bool> ExistsAsync(string code, CancellationToken cancellationToken);

    void Add(Plan plan);

    /// <summary>A tracked plan, to change inside a command.</summary>
    Task<Plan?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>A detached plan, read once per unit of work (plans change only through their own commands).</summary>
    Task<Plan?> ReadByIdAsync(string id, CancellationToken cancellationToken);

    Task<Plan?> ReadByCodeAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The billing intervals of the environment's plans (INV-3 checks grace periods against them).</summary>
    Task<IReadOnlyList<BillingInterval>> IntervalsInUseAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string planId, CancellationToken cancellationToken);
}

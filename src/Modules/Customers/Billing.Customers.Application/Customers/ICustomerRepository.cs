using Billing.BuildingBlocks.Application.Audit;
using Ardalis.Specification;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Application.Customers;

/// <summary>Customers of the caller's environment. Infrastructure scopes every call (ENV-1).</summary>
internal interface ICustomerRepository
{
    /// <summary>A tracked customer, to change inside a command.</summary>
    Task<Customer?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>A detached customer, for reading.</summary>
    Task<Customer?> ReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Detached customers whose Billing ids are among those given.</summary>
    Task<IReadOnlyList<Customer>> ReadManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Detached customers whose external ids are among those given.</summary>
    Task<IReadOnlyList<Customer>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    void Add(Customer customer);

    /// <summary>Removes the customer; its external id has no owner once the unit of work commits (docs-adr/0048).</summary>
    Task RemoveAsync(Customer customer, CancellationToken cancellationToken);

    Task<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string id, CancellationToken cancellationToken);
}

using Billing.BuildingBlocks.Application.Audit;
using Ardalis.Specification;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Customers.Application.Customers;
using Billing.Customers.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Billing.Customers.Infrastructure.Persistence;

internal sealed class CustomerRepository(CustomersDbContext context) : ICustomerRepository
{
    public Task<Customer?> FindAsync(string id, CancellationToken cancellationToken) =>
        context.Customers.SingleOrDefaultAsync(customer => customer.Id == id, cancellationToken);

    public Task<Customer?> ReadAsync(string id, CancellationToken cancellationToken) =>
        context.Customers.AsNoTracking().SingleOrDefaultAsync(customer => customer.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Customer>> ReadManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await context.Customers.AsNoTracking().Where(customer => EF.Parameter(ids).Contains(customer.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Customer>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken) =>
        await context.Customers.AsNoTracking().Where(customer => externalIds.Contains(customer.ExternalId)).ToListAsync(cancellationToken);

    public void Add(Customer customer) => context.Customers.Add(customer);

    public async Task RemoveAsync(Customer customer, CancellationToken cancellationToken)
    {
        // Ingestion on another instance may be asking who owns this external id right now (docs-adr/0048).
        await OwnershipLocks.HoldForChangeAsync(context, customer.ExternalId, cancellationToken);
        context.Customers.Remove(customer);
    }

    public async Task<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken) =>
        await context.Customers.AsNoTracking().Apply(specification).ToListAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntryDto>> HistoryAsync(string id, CancellationToken cancellationToken) =>
        context.ReadAuditHistoryAsync(CustomerMapping.AuditEntityType, id, cancellationToken);
}

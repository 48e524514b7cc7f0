using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Customers.Domain.Customers;
using Billing.Customers.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Billing.Customers.Infrastructure.Persistence;

internal sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "customers";

    public override string Schema => SchemaName;

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new CustomerConfiguration());
}

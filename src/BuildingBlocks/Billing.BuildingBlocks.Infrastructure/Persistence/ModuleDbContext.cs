using System.Linq.Expressions;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Audit;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The base of every module's context: its tables carry the module prefix, its outbox and audit
/// log live beside its data (so they commit in the same transaction), and every entity is scoped
/// to the caller's environment (ENV-1).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private ICallerContext? _caller;

    /// <summary>
    /// The caller whose environment scopes this context. Contexts are pooled (their set-up costs more
    /// than most requests' queries), so the caller is not a constructor argument: the scope that
    /// rents a context sets it (<see cref="Modules.BillingModules"/>), and a context used without
    /// one refuses rather than guess an environment.
    /// </summary>
    internal ICallerContext Caller
    {
        get => _caller ?? throw new InvalidOperationException($"{GetType().Name} was used without a caller: resolve it from a scope.");
        set => _caller = value;
    }

    // A pooled context is returned by disposing it: it forgets its caller there, so whoever takes it
    // from the pool next without setting one is refused instead of acting in the last caller's environment.
    public override void Dispose()
    {
        _caller = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _caller = null;
        return base.DisposeAsync();
    }

    /// <summary>
    /// The module's name in the database: on SQLite every table is prefixed with it
    /// (<c>customers_outbox</c>), on PostgreSQL it is the tables' schema (<c>customers.outbox</c>).
    /// </summary>
    public abstract string Schema { get; }

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Read by the query filters at query time, so each query sees its caller's environment.</summary>
    internal string CurrentEnvironment => Caller.Environment.ToWireName();

    internal bool HasPendingOutboxMessages =>
        ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added);

    /// <summary>Apply the module's own entity configurations.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseBillingConventions(Database);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        RemoveComplexTypesDiscoveredAsEntities(modelBuilder.Model);
        OutboxMessage.Configure(modelBuilder.Entity<OutboxMessage>());
        AuditEntry.Configure(modelBuilder.Entity<AuditEntry>());

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => !type.IsOwned()).ToList())
        {
            ScopeByEnvironment(modelBuilder, entityType);
        }

        // Owned collections have tables of their own; they carry the prefix too (their rows are
        // scoped through their owner).
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (entityType.GetTableName() is { } table && !table.StartsWith(Schema + "_", StringComparison.Ordinal))
            {
                entityType.SetTableName($"{Schema}_{table}");
            }
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            // A name given with HasColumnName stands (a column that kept its name when its property was renamed).
            foreach (var property in entityType.GetProperties().Where(property => ((IConventionProperty)property).GetColumnNameConfigurationSource() != ConfigurationSource.Explicit))
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }

            foreach (var complex in entityType.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    property.SetColumnName(SnakeCase.From(complex.Name) + "_" + SnakeCase.From(property.Name));
                }
            }
        }

        modelBuilder.UseBillingTables(Schema, Database);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEnvironment();
        return PreparedRows.Write(this) + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEnvironment();
        return PreparedRows.Write(this) + base.SaveChanges(acceptAllChangesOnSuccess);
    }

    internal void AddOutboxMessage(OutboxMessage message) => OutboxMessages.Add(message);

    internal void AddAuditEntry(AuditEntry entry) => AuditEntries.Add(entry);

    /// <summary>
    /// EF's discovery can leave a record behind as an entity type after the module configured it
    /// as a complex property (a value object stored in its owner's columns); it is not an entity.
    /// </summary>
    private static void RemoveComplexTypesDiscoveredAsEntities(IMutableModel model)
    {
        var complexTypes = model.GetEntityTypes()
            .SelectMany(entityType => entityType.GetComplexProperties())
            .Select(complex => complex.ComplexType.ClrType)
            .ToHashSet();
        foreach (var stray in model.GetEntityTypes().Where(entityType => complexTypes.Contains(entityType.ClrType)).ToList())
        {
            model.RemoveEntityType(stray);
        }
    }

    private void ScopeByEnvironment(ModelBuilder modelBuilder, IMutableEntityType entityType)
    {
        var entity = modelBuilder.Entity(entityType.ClrType);
        entity.Property<string>(EnvironmentScope.PropertyName).HasMaxLength(4).IsRequired();

        var row = Expression.Parameter(entityType.ClrType, "row");
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(EnvironmentScope.PropertyName));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentEnvironment));
        entity.HasQueryFilter(Expression.Lambda(Expression.Equal(column, current), row));
    }

    private void StampEnvironment()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Metadata.IsOwned() || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is AuditEntry && entry.State is not EntityState.Added)
            {
                throw new InvalidOperationException("The audit log is append-only (AUD-1).");
            }

            var environment = entry.Property(EnvironmentScope.PropertyName);
            if (entry.State == EntityState.Added)
            {
                environment.CurrentValue ??= CurrentEnvironment;
            }
            else if (!Equals(environment.OriginalValue, CurrentEnvironment))
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of environment '{environment.OriginalValue}' cannot be changed by a '{CurrentEnvironment}' caller (ENV-1).");
            }
        }
    }
}

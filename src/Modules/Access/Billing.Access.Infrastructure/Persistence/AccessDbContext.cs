using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.Access.Infrastructure.Persistence;

/// <summary>
/// API keys: the one table that is looked up before the environment is known (the key tells it),
/// so it keeps its environment as an explicit column and every other query names it (docs-adr/0010).
/// </summary>
internal sealed class AccessDbContext(DbContextOptions<AccessDbContext> options) : DbContext(options)
{
    public const string Schema = "access";

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseBillingConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<ApiKey>();
        key.ToTable("access_api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id").HasMaxLength(40);
        key.Property(k => k.Name).HasColumnName("name").HasMaxLength(100).IsRequired();
        key.Property(k => k.Environment).HasColumnName("environment").HasMaxLength(4)
            .HasConversion(environment => environment.ToWireName(), text => BillingEnvironments.Parse(text));
        key.Property(k => k.Role).HasColumnName("role").HasMaxLength(10).HasConversion<string>();
        key.Property(k => k.Hash).HasColumnName("hash").HasMaxLength(64).IsRequired();
        key.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(12).IsRequired();
        key.Property(k => k.Source).HasColumnName("source").HasMaxLength(20).IsRequired();
        key.Property(k => k.CreatedAt).HasColumnName("created_at");
        key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        key.Ignore(k => k.IsActive);
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => new { k.Environment, k.CreatedAt });
        modelBuilder.UseBillingTables(Schema, Database);
    }
}

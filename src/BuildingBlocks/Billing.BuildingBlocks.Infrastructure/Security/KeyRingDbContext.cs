using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Billing.BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring, in the database every instance shares (docs-adr/0042), so a secret
/// one instance encrypts every other decrypts. Its rows hold the keys as Data Protection writes them:
/// encrypted with the master key when one is configured.
/// </summary>
internal sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "platform";
    public const string Table = "platform_data_protection_keys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseBillingConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<DataProtectionKey>();
        key.ToTable(Table);
        key.HasKey(row => row.Id);
        key.Property(row => row.Id).HasColumnName("id");
        key.Property(row => row.FriendlyName).HasColumnName("friendly_name");
        key.Property(row => row.Xml).HasColumnName("xml");
        modelBuilder.UseBillingTables(Schema, Database);
    }
}

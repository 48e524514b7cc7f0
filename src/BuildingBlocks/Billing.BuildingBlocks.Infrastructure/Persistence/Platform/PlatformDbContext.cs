using Billing.BuildingBlocks.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Platform;

/// <summary>
/// The platform's own rows, in the database every instance shares: the Data Protection key ring
/// (docs-adr/0042), so a secret one instance encrypts every other decrypts, and the simulated clock
/// (docs-adr/0047), so every instance of a test deployment reads the same now. The key ring's rows
/// hold the keys as Data Protection writes them: encrypted with the master key when one is configured.
/// </summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "platform";
    public const string Table = "platform_data_protection_keys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ClockState> Clock => Set<ClockState>();

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

        var clock = modelBuilder.Entity<ClockState>();
        clock.ToTable(ClockState.Table);
        clock.HasKey(row => row.Id);
        clock.Property(row => row.Id).HasColumnName("id").ValueGeneratedNever();
        clock.Property(row => row.Now).HasColumnName("now");
        modelBuilder.UseBillingTables(Schema, Database);
    }
}

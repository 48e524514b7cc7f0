using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The key ring that encrypts every secret Billing stores (Stripe keys, webhook endpoint secrets),
/// one for all modules (docs-adr/0031), kept in the database so every instance shares it
/// (docs-adr/0042). Its keys are themselves encrypted with the master key in
/// <c>Billing:DataProtection:MasterKey</c> (32 random bytes, base64), which lives in configuration
/// (an environment variable, a secret store), never beside the data; without one, a copy of the
/// database decrypts every stored secret, and the host says so at start.
/// </summary>
public static class BillingDataProtection
{
    public const string Section = "Billing:DataProtection";

    public const string MasterKeySetting = Section + ":MasterKey";

    public static IServiceCollection AddBillingDataProtection(this IServiceCollection services)
    {
        // Pooled: with the simulated clock every request reads the clock's row through this context
        // (docs-adr/0047), and a fresh context costs more to set up than that read costs to run.
        services.AddDbContextPool<PlatformDbContext>(
            (provider, options) => options.UseBillingDatabase(provider.GetRequiredService<BillingDatabaseOptions>(), PlatformDbContext.Schema));
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<PlatformDbContext>(PlatformDbContext.Schema));
        services.AddDataProtection().SetApplicationName("Billing").PersistKeysToDbContext<PlatformDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration>((keys, configuration) =>
            {
                if (MasterKey.From(configuration) is { } masterKey)
                {
                    keys.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
                }
            });
        return services;
    }

    /// <summary>
    /// At start, after the migrations: a key ring still in files (<c>Billing:DataProtection:KeysPath</c>,
    /// by default <c>keys/</c> beside the database) is imported once; then the host says whether the
    /// ring is protected, loudly when it is not. A malformed master key stops the start.
    /// </summary>
    public static async Task PrepareKeyRingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var folder = configuration[Section + ":KeysPath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(services.GetRequiredService<BillingDatabaseOptions>().DataDirectory, "keys");
        await KeyRingImport.ImportAsync(services, folder, cancellationToken);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillingDataProtection));
        if (MasterKey.From(configuration) is not null)
        {
            logger.LogInformation("The key ring in table {KeyRing} is encrypted with the master key from {Setting}", PlatformDbContext.Table, MasterKeySetting);
        }
        else
        {
            logger.LogWarning(
                "The key ring in table {KeyRing} is NOT encrypted: anyone with a copy of the database can decrypt every stored secret (Stripe keys, webhook secrets). Set {Setting} to 32 random bytes in base64 (openssl rand -base64 32), kept apart from the data.",
                PlatformDbContext.Table,
                MasterKeySetting);
        }
    }
}

using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Security;

/// <summary>
/// The key ring that encrypts every secret Billing stores (Stripe keys, webhook endpoint secrets),
/// one for all modules (docs-adr/0031). It lies in <c>Billing:DataProtection:KeysPath</c>, by
/// default <c>keys/</c> beside the database. Its keys are themselves encrypted with the master key in
/// <c>Billing:DataProtection:MasterKey</c> (32 random bytes, base64), which lives in configuration
/// (an environment variable, a secret store), never beside the data; without one, a copy of the
/// data folder decrypts every stored secret, and the host says so at start.
/// </summary>
public static class BillingDataProtection
{
    public const string Section = "Billing:DataProtection";

    public const string MasterKeySetting = Section + ":MasterKey";

    public static IServiceCollection AddBillingDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Billing");
        services.AddOptions<KeyManagementOptions>()
            .Configure<BillingDatabaseOptions, IConfiguration, ILoggerFactory>((keys, database, configuration, logs) =>
            {
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeyRingPath(database, configuration)), logs);
                if (MasterKey.From(configuration) is { } masterKey)
                {
                    keys.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
                }
            });
        return services;
    }

    /// <summary>Says at start whether the key ring is protected, loudly when it is not; a malformed master key stops the start.</summary>
    public static void ReportKeyRingProtection(this IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var path = KeyRingPath(services.GetRequiredService<BillingDatabaseOptions>(), configuration);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillingDataProtection));
        if (MasterKey.From(configuration) is not null)
        {
            logger.LogInformation("The key ring at {KeysPath} is encrypted with the master key from {Setting}", path, MasterKeySetting);
        }
        else
        {
            logger.LogWarning(
                "The key ring at {KeysPath} is NOT encrypted: anyone with a copy of the data folder can decrypt every stored secret (Stripe keys, webhook secrets). Set {Setting} to 32 random bytes in base64 (openssl rand -base64 32), kept apart from the data.",
                path,
                MasterKeySetting);
        }
    }

    private static string KeyRingPath(BillingDatabaseOptions database, IConfiguration configuration) =>
        configuration[Section + ":KeysPath"] is { Length: > 0 } configured ? configured : Path.Combine(database.DataDirectory, "keys");
}

using System.Xml.Linq;
using Billing.BuildingBlocks.Infrastructure.Persistence.Platform;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Infrastructure.Security;

/// <summary>
/// A key ring kept in files before it moved into the database (docs-adr/0031, 0042) is imported
/// once, as the files hold it (encrypted with the master key when one was set), so secrets stored
/// before the move still decrypt. The files are left where they are.
/// </summary>
internal static class KeyRingImport
{
    public static async Task ImportAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.xml") is not { Length: > 0 } files)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var ring = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await ring.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var element = XElement.Load(file);
            ring.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = element.ToString(SaveOptions.DisableFormatting) });
        }

        await ring.SaveChangesAsync(cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyRingImport))
            .LogWarning("Imported {Count} Data Protection keys from {KeysPath} into the database; the files are no longer read and may be removed", files.Length, folder);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Marks a context's options when <c>Billing:Database:BulkWrites</c> is on, so the switch travels
/// with each context's configuration rather than in a process-wide flag. It intercepts nothing.
/// </summary>
internal sealed class BulkWritesOn : IInterceptor
{
    public static readonly BulkWritesOn Instance = new();

    private BulkWritesOn()
    {
    }

    public static bool In(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Instance) == true;
}

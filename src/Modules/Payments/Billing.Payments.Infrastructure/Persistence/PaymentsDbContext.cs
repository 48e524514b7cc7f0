using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

/// <summary>The Payments module's tables: for now its outbox and audit log, which the base context gives.</summary>
internal sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options, ICallerContext caller)
    : ModuleDbContext(options, caller)
{
    public const string SchemaName = "payments";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Connections;
using Billing.Payments.Domain.Operations;
using Billing.Payments.Domain.ProviderEvents;
using Billing.Payments.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

/// <summary>The Payments module's tables: Stripe connections, invoices sent, queued provider operations, webhook receipts, outbox and audit log.</summary>
internal sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "payments";

    public override string Schema => SchemaName;

    public DbSet<StripeConnection> StripeConnections => Set<StripeConnection>();

    public DbSet<ProviderInvoice> ProviderInvoices => Set<ProviderInvoice>();

    public DbSet<ProviderOperation> ProviderOperations => Set<ProviderOperation>();

    public DbSet<ProviderEventReceipt> ProviderEventReceipts => Set<ProviderEventReceipt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new StripeConnectionConfiguration());
        modelBuilder.ApplyConfiguration(new ProviderInvoiceConfiguration());
        modelBuilder.ApplyConfiguration(new ProviderOperationConfiguration());
        modelBuilder.ApplyConfiguration(new ProviderEventReceiptConfiguration());
    }
}

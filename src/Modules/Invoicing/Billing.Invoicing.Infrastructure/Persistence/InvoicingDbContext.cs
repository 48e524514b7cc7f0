using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Invoicing.Domain.Balances;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Notifications;
using Billing.Invoicing.Domain.Plans;
using Billing.Invoicing.Domain.Settings;
using Billing.Invoicing.Domain.Subscriptions;
using Billing.Invoicing.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>The Invoicing module's tables: plans and their versions, subscriptions, invoices, balances, the outbox and audit log.</summary>
internal sealed class InvoicingDbContext(DbContextOptions<InvoicingDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "invoicing";

    /// <summary>The invoices' table, for the list's plain statement (SqliteInvoiceListReader).</summary>
    public const string InvoicesTable = "invoicing_invoices";

    public override string Schema => SchemaName;

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoicingSettings> Settings => Set<InvoicingSettings>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<InvoiceNumberCounter> InvoiceNumbers => Set<InvoiceNumberCounter>();

    public DbSet<BalanceEntry> BalanceEntries => Set<BalanceEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Prices are values stored as JSON in a version's row (PriceJson), not entities of their own.
        modelBuilder.Ignore<FixedFees>();
        modelBuilder.Ignore<UsageCharge>();
        modelBuilder.Ignore<Tier>();
        modelBuilder.Ignore<GracePeriodPolicy>();
        modelBuilder.Ignore<GraceRule>();
        modelBuilder.ApplyConfiguration(new PlanConfiguration());
        modelBuilder.ApplyConfiguration(new SubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
        modelBuilder.ApplyConfiguration(new InvoicingSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new InvoiceNumberCounterConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookEndpointConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new BalanceEntryConfiguration());
    }
}

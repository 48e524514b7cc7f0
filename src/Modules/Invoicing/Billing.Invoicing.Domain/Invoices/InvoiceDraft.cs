using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>What a new invoice is made from: who, which subscription and period, and why.</summary>
internal sealed record InvoiceDraft(
    InvoiceKind Kind,
    Subscription Subscription,
    string PlanCode,
    string CustomerId,
    string CustomerName,
    string CustomerExternalId,
    Currency Currency,
    decimal TaxRate,
    Period Period,
    DateTimeOffset UsageEnd,
    int Generation,
    string? Replaces,
    string Reason);

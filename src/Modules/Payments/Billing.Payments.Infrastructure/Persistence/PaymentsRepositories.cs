using Billing.Payments.Application.Collections;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Operations;
using Billing.Payments.Application.Webhooks;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Connections;
using Billing.Payments.Domain.Operations;
using Billing.Payments.Domain.ProviderEvents;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

internal sealed class StripeConnectionRepository(PaymentsDbContext context, ICallerContext caller) : IStripeConnectionRepository
{
    public Task<StripeConnection?> FindAsync(CancellationToken cancellationToken)
    {
        var id = caller.Environment.ToWireName();
        return context.StripeConnections.SingleOrDefaultAsync(connection => connection.Id == id, cancellationToken);
    }

    public void Add(StripeConnection connection) => context.StripeConnections.Add(connection);
}

internal sealed class ProviderInvoiceRepository(PaymentsDbContext context) : IProviderInvoiceRepository
{
    public Task<ProviderInvoice?> FindAsync(string invoiceId, CancellationToken cancellationToken) =>
        context.ProviderInvoices.SingleOrDefaultAsync(invoice => invoice.Id == invoiceId, cancellationToken);

    public Task<ProviderInvoice?> FindByProviderIdAsync(string providerInvoiceId, CancellationToken cancellationToken) =>
        context.ProviderInvoices.SingleOrDefaultAsync(invoice => invoice.ProviderInvoiceId == providerInvoiceId, cancellationToken);

    public void Add(ProviderInvoice invoice) => context.ProviderInvoices.Add(invoice);
}

internal sealed class ProviderOperationRepository(PaymentsDbContext context) : IProviderOperationRepository
{
    public async Task<bool> QueueAsync(ProviderOperationKind kind, string subjectId, string argument, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = context.ProviderOperations.Local.Any(operation => operation.Kind == kind && operation.SubjectId == subjectId && operation.Argument == argument)
            || await context.ProviderOperations.AnyAsync(
                operation => operation.Kind == kind && operation.SubjectId == subjectId && operation.Argument == argument, cancellationToken);
        if (!queued)
        {
            context.ProviderOperations.Add(ProviderOperation.Queue(kind, subjectId, argument, now));
        }

        return !queued;
    }

    public Task<ProviderOperation?> FindAsync(string id, CancellationToken cancellationToken) =>
        context.ProviderOperations.SingleOrDefaultAsync(operation => operation.Id == id, cancellationToken);

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await context.ProviderOperations
            .AsNoTracking()
            .Where(operation => operation.Status == ProviderOperationStatus.Pending && operation.NextAttemptAt <= now)
            .OrderBy(operation => operation.Sequence)
            .Select(operation => operation.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProviderOperation>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        await context.ProviderOperations
            .AsNoTracking()
            .Where(operation => operation.SubjectId == subjectId)
            .OrderBy(operation => operation.Sequence)
            .ToListAsync(cancellationToken);
}

internal sealed class ProviderEventReceiptRepository(PaymentsDbContext context) : IProviderEventReceiptRepository
{
    public Task<bool> ExistsAsync(string eventId, CancellationToken cancellationToken) =>
        context.ProviderEventReceipts.AnyAsync(receipt => receipt.EventId == eventId, cancellationToken);

    public void Add(ProviderEventReceipt receipt) => context.ProviderEventReceipts.Add(receipt);
}

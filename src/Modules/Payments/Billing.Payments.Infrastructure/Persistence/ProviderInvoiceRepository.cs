using Billing.Payments.Application.Collections;
using Billing.Payments.Domain.Collections;
using Microsoft.EntityFrameworkCore;

namespace Billing.Payments.Infrastructure.Persistence;

internal sealed class ProviderInvoiceRepository(PaymentsDbContext context) : IProviderInvoiceRepository
{
    public Task<ProviderInvoice?> FindAsync(string invoiceId, CancellationToken cancellationToken) =>
        context.ProviderInvoices.SingleOrDefaultAsync(invoice => invoice.Id == invoiceId, cancellationToken);

    public Task<ProviderInvoice?> FindByProviderIdAsync(string providerInvoiceId, CancellationToken cancellationToken) =>
        context.ProviderInvoices.SingleOrDefaultAsync(invoice => invoice.ProviderInvoiceId == providerInvoiceId, cancellationToken);

    public void Add(ProviderInvoice invoice) => context.ProviderInvoices.Add(invoice);
}

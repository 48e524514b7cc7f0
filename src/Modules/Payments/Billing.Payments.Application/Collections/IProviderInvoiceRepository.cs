using Billing.Payments.Domain.Collections;

namespace Billing.Payments.Application.Collections;

internal interface IProviderInvoiceRepository
{
    Task<ProviderInvoice?> FindAsync(string invoiceId, CancellationToken cancellationToken);

    Task<ProviderInvoice?> FindByProviderIdAsync(string providerInvoiceId, CancellationToken cancellationToken);

    void Add(ProviderInvoice invoice);
}

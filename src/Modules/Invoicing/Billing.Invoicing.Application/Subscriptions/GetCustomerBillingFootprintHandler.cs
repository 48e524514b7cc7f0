using Billing.Invoicing.Application.Invoices;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions;

internal sealed class GetCustomerBillingFootprintHandler(IInvoiceRepository invoices, ISubscriptionRepository subscriptions)
    : IRequestHandler<GetCustomerBillingFootprintQuery, CustomerBillingFootprintDto>
{
    public async Task<CustomerBillingFootprintDto> Handle(GetCustomerBillingFootprintQuery query, CancellationToken cancellationToken) =>
        new(await invoices.CustomerHasInvoicesAsync(query.CustomerId, cancellationToken),
            (await subscriptions.ListAsync(query.CustomerId, cancellationToken)).Count > 0);
}

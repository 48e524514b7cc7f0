using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Invoices;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions;

/// <summary>CUS-3: Customers' question before a deletion, answered from the invoices and subscriptions Invoicing keeps.</summary>
internal sealed class GetCustomerBillingFootprintHandler(IInvoiceRepository invoices, ISubscriptionRepository subscriptions)
    : IRequestHandler<GetCustomerBillingFootprintQuery, CustomerBillingFootprintDto>
{
    public async Task<CustomerBillingFootprintDto> Handle(GetCustomerBillingFootprintQuery query, CancellationToken cancellationToken) =>
        new(await invoices.CustomerHasInvoicesAsync(query.CustomerId, cancellationToken),
            (await subscriptions.ListAsync(query.CustomerId, cancellationToken)).Count > 0);
}

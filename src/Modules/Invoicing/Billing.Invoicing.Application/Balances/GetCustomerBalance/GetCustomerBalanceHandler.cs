using Billing.BuildingBlocks.Application.Validation;
using Billing.Customers.Contracts;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Balances.GetCustomerBalance;

/// <summary>The customer is asked of Customers (404 when unknown in the caller's environment); its ledger is Invoicing's.</summary>
internal sealed class GetCustomerBalanceHandler(IBalanceLedger ledger, IMediator mediator) : IRequestHandler<GetCustomerBalanceQuery, CustomerBalanceDto>
{
    public async Task<CustomerBalanceDto> Handle(GetCustomerBalanceQuery query, CancellationToken cancellationToken)
    {
        var customer = await mediator.Send(new GetCustomerQuery(query.CustomerId), cancellationToken);
        var entries = await ledger.EntriesAsync(customer.Id, cancellationToken);
        return new CustomerBalanceDto(
            customer.Id,
            customer.Currency,
            entries.Sum(entry => entry.Amount),
            entries.Select(entry => new BalanceEntryDto(
                entry.Id, WireName.Of(entry.Kind), entry.Amount, entry.InvoiceId, entry.InvoiceNumber, entry.CreatedAt)).ToList());
    }
}

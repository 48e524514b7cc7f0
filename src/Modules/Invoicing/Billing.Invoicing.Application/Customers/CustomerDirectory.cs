using Billing.Customers.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Customers;

/// <summary>
/// The customers invoices are made and sent for, as the Customers module answers, asked once per
/// unit of work: a batch of a cycle reads all of its customers in one query instead of one for each
/// invoice and again for each notice.
/// </summary>
internal sealed class CustomerDirectory(IMediator mediator)
{
    private readonly Dictionary<string, CustomerDto> _read = [];

    /// <summary>Reads those of these customers not read yet, in one query; unknown ones are left for <see cref="GetAsync"/> to report.</summary>
    public async Task LoadAsync(IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        var missing = customerIds.Where(id => !_read.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (id, customer) in await mediator.Send(new FindCustomersQuery(missing), cancellationToken))
        {
            _read[id] = customer;
        }
    }

    /// <summary>A customer of the caller's environment; not found is an error (404 naming it).</summary>
    public async Task<CustomerDto> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(customerId, out var customer))
        {
            customer = await mediator.Send(new GetCustomerQuery(customerId), cancellationToken);
            _read[customerId] = customer;
        }

        return customer;
    }
}

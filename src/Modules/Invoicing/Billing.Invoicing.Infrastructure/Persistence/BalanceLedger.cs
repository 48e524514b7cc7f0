using Billing.Invoicing.Application.Balances;
using Billing.Invoicing.Domain.Balances;
using Microsoft.EntityFrameworkCore;

namespace Billing.Invoicing.Infrastructure.Persistence;

internal sealed class BalanceLedger(InvoicingDbContext context) : IBalanceLedger
{
    public void Add(BalanceEntry entry) => context.BalanceEntries.Add(entry);

    // Summed here rather than in SQL: SQLite keeps decimals as text, and a customer has few entries.
    public async Task<IReadOnlyDictionary<string, decimal>> BalancesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken) =>
        (await context.BalanceEntries
            .Where(entry => EF.Parameter(customerIds).Contains(entry.CustomerId))
            .Select(entry => new { entry.CustomerId, entry.Amount })
            .ToListAsync(cancellationToken))
        .GroupBy(entry => entry.CustomerId)
        .ToDictionary(customer => customer.Key, customer => customer.Sum(entry => entry.Amount));

    public async Task<IReadOnlyList<BalanceEntry>> EntriesAsync(string customerId, CancellationToken cancellationToken) =>
        await context.BalanceEntries.AsNoTracking()
            .Where(entry => entry.CustomerId == customerId)
            .OrderByDescending(entry => entry.CreatedAt).ThenByDescending(entry => entry.Id)
            .ToListAsync(cancellationToken);
}

using Billing.Invoicing.Domain.Balances;

namespace Billing.Invoicing.Application.Balances;

/// <summary>INV-16: the balance entries of the caller's environment.</summary>
internal interface IBalanceLedger
{
    void Add(BalanceEntry entry);

    /// <summary>Each customer's balance (the sum of its entries), in one query; a customer without entries is absent.</summary>
    Task<IReadOnlyDictionary<string, decimal>> BalancesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken);

    /// <summary>A customer's entries, newest first.</summary>
    Task<IReadOnlyList<BalanceEntry>> EntriesAsync(string customerId, CancellationToken cancellationToken);
}

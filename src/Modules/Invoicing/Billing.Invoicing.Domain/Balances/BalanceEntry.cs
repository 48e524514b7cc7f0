using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;

namespace Billing.Invoicing.Domain.Balances;

/// <summary>
/// INV-16: one movement of a customer's balance, always caused by one invoice: what a finalized
/// invoice carried to the balance or applied from it, or the reversal of both when it was voided.
/// A positive amount is credit for the customer; the balance is the sum of the entries.
/// </summary>
internal sealed class BalanceEntry : AggregateRoot
{
    public const string IdPrefix = "bal";

    private BalanceEntry()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    public BalanceEntryKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public Currency Currency { get; private set; } = Currency.USD;

    public string InvoiceId { get; private set; } = string.Empty;

    public string? InvoiceNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static BalanceEntry Record(string customerId, BalanceEntryKind kind, decimal amount, Currency currency, string invoiceId, string? invoiceNumber, DateTimeOffset now)
    {
        if (amount == 0m || currency.Round(amount) != amount)
        {
            throw new BusinessRuleViolation("invalid_balance_entry", $"A balance entry is a non-zero amount in whole {currency.Code} minor units, not {amount}.");
        }

        return new BalanceEntry
        {
            Id = OpaqueId.New(IdPrefix, now),
            CustomerId = customerId,
            Kind = kind,
            Amount = amount,
            Currency = currency,
            InvoiceId = invoiceId,
            InvoiceNumber = invoiceNumber,
            CreatedAt = now,
        };
    }
}

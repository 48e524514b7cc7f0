using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// INV-8, the only moves an invoice can make: draft → open → paid | past_due | uncollectible | void;
/// past_due → paid | uncollectible | void; uncollectible → paid | void. Paid and void are final.
/// </summary>
internal static class InvoiceStatusMachine
{
    private static readonly Dictionary<InvoiceStatus, InvoiceStatus[]> Allowed = new()
    {
        [InvoiceStatus.Draft] = [InvoiceStatus.Open],
        [InvoiceStatus.Open] = [InvoiceStatus.Paid, InvoiceStatus.PastDue, InvoiceStatus.Uncollectible, InvoiceStatus.Void],
        [InvoiceStatus.PastDue] = [InvoiceStatus.Paid, InvoiceStatus.Uncollectible, InvoiceStatus.Void],
        [InvoiceStatus.Uncollectible] = [InvoiceStatus.Paid, InvoiceStatus.Void],
        [InvoiceStatus.Paid] = [],
        [InvoiceStatus.Void] = [],
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) => Allowed[from].Contains(to);

    /// <summary>Refuses a disallowed move with a 409 that names both states.</summary>
    public static void EnsureCanMove(InvoiceStatus from, InvoiceStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new BusinessRuleViolation(
                "invalid_status_transition",
                $"An invoice cannot go from {Name(from)} to {Name(to)}.{Hint(from)}");
        }
    }

    public static string Name(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PastDue => "past_due",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Hint(InvoiceStatus from) => from switch
    {
        InvoiceStatus.Paid or InvoiceStatus.Void => $" {Name(from)} is final.",
        InvoiceStatus.Draft => " A draft can only be finalized; change it with adjustments until then.",
        _ => $" From {Name(from)} it can go to {string.Join(", ", Allowed[from].Select(Name))}.",
    };
}

using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Invoices;
using Billing.Invoicing.Domain.Periods;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Tests;

/// <summary>INV-16: no invoice total is ever below zero; what would be goes to the balance, and the balance is applied before tax.</summary>
public sealed class CustomerBalanceTests
{
    private static readonly Period June = Period.Create(new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_late_usage_decrease_larger_than_the_invoice_leaves_it_at_zero_and_carries_the_rest_to_the_balance()
    {
        var invoice = Draft(taxRate: 10m);
        invoice.Recompute(1, [Line(LineKind.Usage, "calls", 5m), Line(LineKind.LateUsage, "calls", -99m)]);

        (invoice.Subtotal, invoice.Tax, invoice.Total).ShouldBe((0m, 0m, 0m));
        var carried = invoice.Lines.Single(line => line.Code == Invoice.CarriedToBalance);
        (carried.Kind, carried.Amount).ShouldBe((LineKind.Balance, 94m));
        invoice.BalanceMovement.ShouldBe(94m);
    }

    [Fact]
    public void A_credit_pays_what_it_can_before_tax_and_never_more_than_the_invoice()
    {
        var partly = Draft(taxRate: 10m);
        partly.Recompute(1, [Line(LineKind.FixedFee, "recurring_fee", 15m)]);
        partly.ApplyBalance(5m).ShouldBe(-5m);
        (partly.Subtotal, partly.Tax, partly.Total).ShouldBe((10m, 1m, 11m), "tax on 15 − 5");
        partly.BalanceMovement.ShouldBe(-5m);

        var whole = Draft(taxRate: 10m);
        whole.Recompute(1, [Line(LineKind.FixedFee, "recurring_fee", 15m)]);
        whole.ApplyBalance(94m).ShouldBe(-15m);
        (whole.Subtotal, whole.Tax, whole.Total).ShouldBe((0m, 0m, 0m));
        whole.BalanceMovement.ShouldBe(-15m);
    }

    [Fact]
    public void A_debt_is_added_and_a_credit_adjustment_beyond_the_invoice_goes_to_the_balance()
    {
        var owed = Draft(taxRate: 0m);
        owed.Recompute(1, [Line(LineKind.FixedFee, "recurring_fee", 15m)]);
        owed.ApplyBalance(-3m).ShouldBe(3m);
        owed.Total.ShouldBe(18m);

        var credited = Draft(taxRate: 0m);
        credited.Recompute(1, [Line(LineKind.FixedFee, "recurring_fee", 15m)]);
        credited.Adjust(-20m, "Goodwill", "outage in June");
        credited.Total.ShouldBe(0m);
        credited.BalanceMovement.ShouldBe(5m);

        // Rated again at finalization, the carried amount follows the lines.
        credited.Recompute(1, [Line(LineKind.FixedFee, "recurring_fee", 18m)]);
        credited.BalanceMovement.ShouldBe(2m);
    }

    private static Invoice Draft(decimal taxRate)
    {
        var subscription = Subscription.Create("cus_1", "pln_1", BillingInterval.Monthly, June.Start, 1, CollectionMethod.SendInvoice, 30, June.Start);
        return Invoice.Draft(
            new InvoiceDraft(InvoiceKind.Scheduled, subscription, "usage", "cus_1", "Acme", "acme", Currency.USD, taxRate, June, June.End, 0, null, "test"),
            June.End);
    }

    private static ServiceLine Line(LineKind kind, string code, decimal amount) =>
        new(new RatedLine(kind, code, code, 1m, amount, []), June.Start, June.End);
}

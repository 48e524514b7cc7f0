using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Tests;

/// <summary>INV-8: every allowed and every refused transition, and the refusal names both states.</summary>
public sealed class InvoiceStatusMachineTests
{
    private static readonly HashSet<(string From, string To)> Allowed =
    [
        ("draft", "open"),
        ("open", "paid"), ("open", "past_due"), ("open", "uncollectible"), ("open", "void"),
        ("past_due", "paid"), ("past_due", "uncollectible"), ("past_due", "void"),
        ("uncollectible", "paid"), ("uncollectible", "void"),
    ];

    public static TheoryData<string, string> EveryPair()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Enum.GetValues<InvoiceStatus>())
        {
            foreach (var to in Enum.GetValues<InvoiceStatus>())
            {
                data.Add(InvoiceStatusMachine.Name(from), InvoiceStatusMachine.Name(to));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_transition_is_allowed_exactly_when_INV_8_lists_it(string from, string to)
    {
        var (fromStatus, toStatus) = (Parse(from), Parse(to));
        InvoiceStatusMachine.CanMove(fromStatus, toStatus).ShouldBe(Allowed.Contains((from, to)));
        if (Allowed.Contains((from, to)))
        {
            Should.NotThrow(() => InvoiceStatusMachine.EnsureCanMove(fromStatus, toStatus));
        }
        else
        {
            var refusal = Should.Throw<BusinessRuleViolation>(() => InvoiceStatusMachine.EnsureCanMove(fromStatus, toStatus));
            refusal.Code.ShouldBe("invalid_status_transition");
            refusal.Message.ShouldContain($"from {from} to {to}");
        }
    }

    [Fact]
    public void Paid_and_void_are_final()
    {
        foreach (var to in Enum.GetValues<InvoiceStatus>())
        {
            InvoiceStatusMachine.CanMove(InvoiceStatus.Paid, to).ShouldBeFalse();
            InvoiceStatusMachine.CanMove(InvoiceStatus.Void, to).ShouldBeFalse();
        }
    }

    private static InvoiceStatus Parse(string name) => Enum.GetValues<InvoiceStatus>().Single(status => InvoiceStatusMachine.Name(status) == name);
}

using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Invoicing.Domain.Rating;
using Billing.Invoicing.Domain.Subscriptions;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// What a customer is asked to pay for one subscription and period. A draft is recomputed from the
/// latest usage until it is finalized (INV-3); finalizing numbers it (INV-7) and freezes its lines
/// for good. Every status change goes through <see cref="InvoiceStatusMachine"/> and is raised as
/// <see cref="InvoiceStatusChanged"/>, which the application audits (AUD-1).
/// </summary>
internal sealed class Invoice : AggregateRoot
{
    public const string IdPrefix = "inv";
    public const int MaxReasonLength = 500;

    /// <summary>INV-16: the code of the line that carries what would make the invoice negative to the customer's balance.</summary>
    public const string CarriedToBalance = "balance_carried";

    /// <summary>INV-16: the code of the line that applies the customer's balance (credit or debt) at finalization.</summary>
    public const string AppliedBalance = "balance_applied";

    /// <summary>PAY-5: the reason of a failure reported without one (a provider's payment-failed event).</summary>
    public const string UnspecifiedPaymentFailure = "payment_failed";

    private readonly List<InvoiceLine> _lines = [];

    private Invoice()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public InvoiceKind Kind { get; private set; }

    public InvoiceStatus Status { get; private set; }

    /// <summary>1, 2, 3… per environment, from finalization on (INV-7); null while a draft.</summary>
    public long? Sequence { get; private set; }

    public string? Number { get; private set; }

    public string CustomerId { get; private set; } = string.Empty;

    /// <summary>The billable entity as it was named when the invoice was made.</summary>
    public string CustomerName { get; private set; } = string.Empty;

    public string CustomerExternalId { get; private set; } = string.Empty;

    public string SubscriptionId { get; private set; } = string.Empty;

    public string PlanId { get; private set; } = string.Empty;

    public string PlanCode { get; private set; } = string.Empty;

    /// <summary>PLN-3: the plan version the invoice was rated with.</summary>
    public int PlanVersion { get; private set; }

    public Currency Currency { get; private set; } = Currency.USD;

    public DateTimeOffset PeriodStart { get; private set; }

    public DateTimeOffset PeriodEnd { get; private set; }

    /// <summary>
    /// Usage is measured over [PeriodStart, UsageEnd): the period's end, or for a manual invoice of the
    /// period so far, the instant it was made (later usage of the period is late usage, INV-5).
    /// </summary>
    public DateTimeOffset UsageEnd { get; private set; }

    /// <summary>0 for the period's first invoice; a regenerated one counts up. Unique with the period.</summary>
    public int Generation { get; private set; }

    public bool FirstOfSubscription { get; private set; }

    public CollectionMethod CollectionMethod { get; private set; }

    public int NetTermsDays { get; private set; }

    public decimal TaxRate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the grace period ends and the draft finalizes on its own (INV-3).</summary>
    public DateTimeOffset FinalizesAt { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>The day payment is due (00:00 UTC); past due once that day is over (INV-11).</summary>
    public DateTimeOffset? DueDate { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>Why the invoice was voided or written off.</summary>
    public string? StatusReason { get; private set; }

    public string? ReplacesInvoiceId { get; private set; }

    public string? ReplacedByInvoiceId { get; private set; }

    /// <summary>PAY-5: why the payment provider could not collect, e.g. <c>requires_payment_method</c>; cleared when paid.</summary>
    public string? PaymentFailure { get; private set; }

    public DateTimeOffset? PaymentFailedAt { get; private set; }

    public decimal Subtotal { get; private set; }

    public decimal Tax { get; private set; }

    public decimal Total { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public Period BilledPeriod() => Period.Cut(PeriodStart, PeriodEnd);

    public bool HasMeteredCharge => _lines.Any(line => line.BillsUsage);

    /// <summary>INV-16: how much the invoice moves the customer's balance (credit up when positive).</summary>
    public decimal BalanceMovement => _lines.Where(line => line.Kind == LineKind.Balance).Sum(line => line.Amount);

    public static Invoice Draft(InvoiceDraft draft, DateTimeOffset now)
    {
        var invoice = new Invoice
        {
            Id = OpaqueId.New(IdPrefix, now),
            Kind = draft.Kind,
            Status = InvoiceStatus.Draft,
            CustomerId = draft.CustomerId,
            CustomerName = draft.CustomerName,
            CustomerExternalId = draft.CustomerExternalId,
            SubscriptionId = draft.Subscription.Id,
            PlanId = draft.Subscription.PlanId,
            PlanCode = draft.PlanCode,
            Currency = draft.Currency,
            PeriodStart = draft.Period.Start,
            PeriodEnd = draft.Period.End,
            UsageEnd = draft.UsageEnd,
            Generation = draft.Generation,
            FirstOfSubscription = draft.Subscription.IsFirstBilled(draft.Period),
            CollectionMethod = draft.Subscription.CollectionMethod,
            NetTermsDays = draft.Subscription.NetTermsDays,
            TaxRate = draft.TaxRate,
            CreatedAt = now,
            FinalizesAt = now,
            ReplacesInvoiceId = draft.Replaces,
        };
        invoice.Raise(new InvoiceStatusChanged(invoice, null, InvoiceStatus.Draft, draft.Reason, now));
        return invoice;
    }

    /// <summary>
    /// Replaces the computed lines (fixed fees, usage, late usage, minimum) with freshly rated ones;
    /// adjustments stay, and tax is taken again over everything. Only a draft changes (INV-3).
    /// </summary>
    public void Recompute(int planVersion, IReadOnlyList<ServiceLine> computed)
    {
        EnsureDraft("recomputed");
        PlanVersion = planVersion;
        if (SameAsComputed(computed))
        {
            // Usage did not move since the draft was rated: keep the stored lines as they are.
            return;
        }

        var adjustments = _lines.Where(line => line.Kind == LineKind.Adjustment).ToList();
        _lines.Clear();
        foreach (var line in computed)
        {
            _lines.Add(InvoiceLine.From(_lines.Count + 1, line.Line, line.Start, line.End));
        }

        foreach (var adjustment in adjustments)
        {
            _lines.Add(InvoiceLine.From(_lines.Count + 1, adjustment.ToRated(), adjustment.ServiceStart, adjustment.ServiceEnd, adjustment.Reason));
        }

        Retotal();
    }

    /// <summary>PLN-6: the plan the invoice's period ended on, when the subscription changed plan in or after it.</summary>
    public void RatedOn(string planId, string planCode)
    {
        EnsureDraft("rated again");
        (PlanId, PlanCode) = (planId, planCode);
    }

    /// <summary>INV-3, INV-4: when this draft finalizes on its own.</summary>
    public void ScheduleFinalization(DateTimeOffset finalizesAt)
    {
        EnsureDraft("rescheduled");
        FinalizesAt = finalizesAt;
    }

    /// <summary>
    /// INV-6: a credit (negative) or correction (positive) with its reason, on a draft only. A credit
    /// larger than the rest of the invoice leaves it at zero and carries the difference to the
    /// customer's balance (INV-16).
    /// </summary>
    public void Adjust(decimal amount, string description, string reason)
    {
        EnsureDraft("adjusted");
        if (amount == 0m || Currency.Round(amount) != amount)
        {
            throw new BusinessRuleViolation("invalid_adjustment", $"An adjustment is a non-zero amount in whole {Currency.Code} minor units, not {amount}.");
        }

        var line = new RatedLine(LineKind.Adjustment, "adjustment", description, 1m, amount, [$"adjustment {Rater.Text(amount)} {Currency.Code}: {reason}"]);
        _lines.Insert(_lines.FindIndex(existing => existing.Kind is LineKind.Balance or LineKind.Tax) is var after and >= 0 ? after : _lines.Count,
            InvoiceLine.From(0, line, PeriodStart, PeriodEnd, reason));
        Retotal();
    }

    /// <summary>
    /// INV-16, at finalization: the customer's balance goes on the invoice as its own line before tax.
    /// A credit pays as much of the invoice as it can (never below zero); a debt (a credit taken back
    /// by a void after it was used) is added. Answers the amount of the line (0 when none).
    /// </summary>
    public decimal ApplyBalance(decimal available)
    {
        EnsureDraft("given the customer's balance");
        var removed = _lines.RemoveAll(line => line.Code == AppliedBalance);
        if (available == 0m && removed == 0)
        {
            // Nothing to apply and nothing applied before: the lines and totals stand as they are.
            return 0m;
        }

        var owed = Math.Max(0m, _lines.Where(line => line.Kind is not (LineKind.Balance or LineKind.Tax)).Sum(line => line.Amount));
        var amount = available > 0m ? -Math.Min(available, owed) : -available;
        if (amount != 0m)
        {
            var text = amount < 0m ? "Credit from the customer's balance" : "Balance owed from earlier invoices";
            var line = new RatedLine(LineKind.Balance, AppliedBalance, text, 1m, amount,
                [$"balance {Rater.Text(available)} {Currency.Code}, invoice before it {Rater.Text(owed)} {Currency.Code} → {Rater.Text(amount)} {Currency.Code}"]);
            _lines.Add(InvoiceLine.From(0, line, PeriodStart, PeriodEnd));
        }

        Retotal();
        return amount;
    }

    /// <summary>INV-7: draft → open with its number; payment is due after the net terms.</summary>
    public void Finalize(long sequence, BillingEnvironment environment, DateTimeOffset now, string? reason)
    {
        Move(InvoiceStatus.Open, now, reason);
        Sequence = sequence;
        Number = InvoiceNumber.Format(environment, sequence);
        IssuedAt = now;
        DueDate = now.StartOfUtcDay().AddDays(NetTermsDays);
    }

    /// <summary>INV-11: an unpaid invoice is past due once its whole due day is over.</summary>
    public static readonly TimeSpan OverdueAfterDueDate = TimeSpan.FromDays(1);

    /// <summary>INV-11: the due day is over and the invoice is still unpaid.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == InvoiceStatus.Open && DueDate is { } due && now >= due + OverdueAfterDueDate;

    public void MarkPastDue(DateTimeOffset now) =>
        Move(InvoiceStatus.PastDue, now, $"due date {DueDate:yyyy-MM-dd} passed unpaid");

    public void MarkPaid(DateTimeOffset paidAt, DateTimeOffset now, string? reason)
    {
        Move(InvoiceStatus.Paid, now, reason);
        PaidAt = paidAt;
        PaymentFailure = null;
    }

    /// <summary>
    /// PAY-5: a collection attempt failed. The invoice keeps its status (it is still owed) and records
    /// the reason; the same failure reported twice (the charge's answer and the provider's webhook)
    /// is recorded once. A failure first reported without a reason (<see cref="UnspecifiedPaymentFailure"/>)
    /// takes the reason when it arrives, as a refinement of the same failure, not a new one.
    /// </summary>
    public bool RecordPaymentFailure(string reason, string? message, DateTimeOffset failedAt)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.PastDue or InvoiceStatus.Uncollectible) || PaymentFailure == reason
            || (PaymentFailure is not null && reason == UnspecifiedPaymentFailure))
        {
            return false;
        }

        var refines = PaymentFailure == UnspecifiedPaymentFailure;
        PaymentFailure = reason;
        PaymentFailedAt = failedAt;
        Raise(new InvoicePaymentFailed(this, reason, message, failedAt, refines));
        return true;
    }

    public void MarkUncollectible(DateTimeOffset now, string reason)
    {
        Move(InvoiceStatus.Uncollectible, now, reason);
        StatusReason = reason;
    }

    public void Void(DateTimeOffset now, string reason)
    {
        Move(InvoiceStatus.Void, now, reason);
        VoidedAt = now;
        StatusReason = reason;
    }

    /// <summary>INV-10: the two invoices of a regeneration point at each other.</summary>
    public void ReplacedBy(string invoiceId) => ReplacedByInvoiceId = invoiceId;

    private void Move(InvoiceStatus to, DateTimeOffset now, string? reason)
    {
        InvoiceStatusMachine.EnsureCanMove(Status, to);
        var from = Status;
        Status = to;
        Raise(new InvoiceStatusChanged(this, from, to, reason, now));
    }

    private bool SameAsComputed(IReadOnlyList<ServiceLine> computed)
    {
        var current = _lines.Where(line => line.Kind is not (LineKind.Adjustment or LineKind.Balance or LineKind.Tax)).ToList();
        return current.Count == computed.Count && current.Zip(computed).All(pair =>
            pair.First.Kind == pair.Second.Line.Kind && pair.First.Code == pair.Second.Line.Code
            && pair.First.Description == pair.Second.Line.Description && pair.First.Quantity == pair.Second.Line.Quantity
            && pair.First.Amount == pair.Second.Line.Amount && pair.First.ServiceStart == pair.Second.Start && pair.First.ServiceEnd == pair.Second.End
            && pair.First.Computation.SequenceEqual(pair.Second.Line.Computation));
    }

    private void EnsureDraft(string action)
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new BusinessRuleViolation(
                "invoice_not_draft",
                $"Invoice {Number ?? Id} is {InvoiceStatusMachine.Name(Status)}; only a draft can be {action}. Correct a finalized invoice by voiding and regenerating it (INV-10).");
        }
    }

    /// <summary>
    /// Tax again over every line; before it, what would leave the invoice below zero is carried to
    /// the customer's balance on a line of its own (INV-16), so no invoice total is ever negative.
    /// The balance lines are taxable: they move the same pre-tax amounts the lines they offset did.
    /// </summary>
    private void Retotal()
    {
        _lines.RemoveAll(line => line.Kind == LineKind.Tax || line.Code == CarriedToBalance);
        var below = _lines.Sum(line => line.Amount);
        if (below < 0m)
        {
            var carried = new RatedLine(LineKind.Balance, CarriedToBalance, "Carried to the customer's balance", 1m, -below,
                [$"lines total {Rater.Text(below)} {Currency.Code}; an invoice is never below zero, so {Rater.Text(-below)} {Currency.Code} goes to the customer's balance"]);
            _lines.Add(InvoiceLine.From(0, carried, PeriodStart, PeriodEnd));
        }

        var taxable = _lines.Select(line => line.ToRated()).ToList();
        if (Rater.Tax(taxable, TaxRate, Currency) is { } tax)
        {
            _lines.Add(InvoiceLine.From(0, tax, PeriodStart, PeriodEnd));
        }

        for (var index = 0; index < _lines.Count; index++)
        {
            _lines[index].Renumber(index + 1);
        }

        var totals = new RatedInvoice(Currency, BilledPeriod(), _lines.Select(line => line.ToRated()).ToList());
        (Subtotal, Tax, Total) = (totals.Subtotal, totals.Tax, totals.Total);
    }
}

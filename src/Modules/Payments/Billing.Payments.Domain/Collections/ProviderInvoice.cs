using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.Collections;

/// <summary>
/// A Billing invoice as sent to the payment provider (PAY-4): its id there, how far the send got
/// (so a restart resumes instead of repeating), and the collection outcome. Keyed by the Billing
/// invoice id, so an invoice is sent once. Once here its content is locked (PAY-8): Billing sends
/// only finalized invoices, which never change; corrections are void and regenerate.
/// </summary>
internal sealed class ProviderInvoice : AggregateRoot
{
    private ProviderInvoice()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string CustomerId { get; private set; } = string.Empty;

    public string ProviderCustomerId { get; private set; } = string.Empty;

    public string? ProviderInvoiceId { get; private set; }

    public ProviderInvoiceStatus Status { get; private set; }

    /// <summary>How many of the invoice's lines exist as provider invoice items.</summary>
    public int ItemsSent { get; private set; }

    /// <summary>Collection attempts asked for: the first by the send, more by admin charges after a failure.</summary>
    public int CollectionAttempts { get; private set; }

    /// <summary>Billing voided the invoice: a send still running stops before asking for payment.</summary>
    public bool VoidRequested { get; private set; }

    public string? FailureReason { get; private set; }

    public string? FailureMessage { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public const string UnspecifiedFailure = "payment_failed";

    public static ProviderInvoice Queue(string invoiceId, string customerId, string providerCustomerId, DateTimeOffset now) => new()
    {
        Id = invoiceId,
        CustomerId = customerId,
        ProviderCustomerId = providerCustomerId,
        Status = ProviderInvoiceStatus.Queued,
        CollectionAttempts = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Paid and void are final, at Stripe as here; an uncollectible invoice may still be paid or voided.</summary>
    public bool IsSettled => Status is ProviderInvoiceStatus.Paid or ProviderInvoiceStatus.Void;

    public void Created(string providerInvoiceId, DateTimeOffset now)
    {
        ProviderInvoiceId ??= providerInvoiceId;
        Advance(ProviderInvoiceStatus.Draft, now);
    }

    public void ItemSent(int count, DateTimeOffset now)
    {
        ItemsSent = Math.Max(ItemsSent, count);
        UpdatedAt = now;
    }

    public void Finalized(DateTimeOffset now) => Advance(ProviderInvoiceStatus.Open, now);

    /// <summary>
    /// An admin charges again: after a failed payment (the customer has a card now), or after a send
    /// that Stripe refused for good (the link was wrong and has been fixed). Nothing may still be
    /// running for the invoice. Answers what to queue and its attempt number, which keys the new calls.
    /// </summary>
    public (ChargeAgain What, int Attempt) ChargeAgain(bool workPending, string currentProviderCustomerId, DateTimeOffset now)
    {
        if (IsSettled || Status == ProviderInvoiceStatus.Uncollectible)
        {
            throw new BusinessRuleViolation(
                "invoice_already_sent",
                $"Invoice {Id} was sent to Stripe and is {Name(Status)} there; there is nothing to charge.");
        }

        if (workPending)
        {
            throw new BusinessRuleViolation(
                "invoice_being_sent", $"Invoice {Id} is being sent to Stripe right now; see GET /v1/invoices/{Id}/payment and charge again if it fails.");
        }

        CollectionAttempts++;
        UpdatedAt = now;
        if (Status is ProviderInvoiceStatus.PaymentFailed or ProviderInvoiceStatus.Open)
        {
            Status = ProviderInvoiceStatus.Open;
            return (Domain.Collections.ChargeAgain.Collect, CollectionAttempts);
        }

        // Nothing was created at Stripe yet: the customer's current link is the one to use.
        if (ProviderInvoiceId is null)
        {
            ProviderCustomerId = currentProviderCustomerId;
        }

        return (Domain.Collections.ChargeAgain.Resend, CollectionAttempts);
    }

    public void RequestVoid(DateTimeOffset now)
    {
        VoidRequested = true;
        UpdatedAt = now;
    }

    public void Paid(DateTimeOffset paidAt, DateTimeOffset now) => Settle(ProviderInvoiceStatus.Paid, null, null, paidAt, now);

    /// <summary>
    /// Billing's own void or write-off reached the provider. Nothing is raised: Billing's invoice
    /// made the change, so telling it back would only cost a message and a transaction.
    /// </summary>
    public void SettledAsAsked(ProviderInvoiceStatus status, DateTimeOffset now)
    {
        if (!IsSettled)
        {
            Status = status;
            UpdatedAt = now;
        }
    }

    public void Voided(DateTimeOffset now) => Settle(ProviderInvoiceStatus.Void, "voided_in_stripe", "Voided in Stripe.", now, now);

    public void MarkedUncollectible(DateTimeOffset now) =>
        Settle(ProviderInvoiceStatus.Uncollectible, "marked_uncollectible_in_stripe", "Marked uncollectible in Stripe.", now, now);

    /// <summary>
    /// PAY-5: recorded once per attempt, whether the charge's answer or the provider's webhook says
    /// it first. The webhook carries no reason (<see cref="UnspecifiedFailure"/>); when it wins the
    /// race, the charge's answer adds the reason.
    /// </summary>
    public void PaymentFailed(string reason, string? message, DateTimeOffset now)
    {
        var refines = Status == ProviderInvoiceStatus.PaymentFailed && FailureReason == UnspecifiedFailure && reason != UnspecifiedFailure;
        if (IsSettled || (Status == ProviderInvoiceStatus.PaymentFailed && !refines))
        {
            return;
        }

        Status = ProviderInvoiceStatus.PaymentFailed;
        FailureReason = reason;
        FailureMessage = message;
        UpdatedAt = now;
        Raise(new ProviderInvoiceChanged(Id, Status, reason, message, now));
    }

    public static string Name(ProviderInvoiceStatus status) => status switch
    {
        ProviderInvoiceStatus.PaymentFailed => "payment_failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void Settle(ProviderInvoiceStatus status, string? reason, string? message, DateTimeOffset at, DateTimeOffset now)
    {
        if (Status == status || IsSettled)
        {
            return;
        }

        Status = status;
        FailureReason = status == ProviderInvoiceStatus.Paid ? null : FailureReason;
        FailureMessage = status == ProviderInvoiceStatus.Paid ? null : FailureMessage;
        UpdatedAt = now;
        Raise(new ProviderInvoiceChanged(Id, status, reason, message, at));
    }

    private void Advance(ProviderInvoiceStatus status, DateTimeOffset now)
    {
        if (Status < status && !IsSettled && Status != ProviderInvoiceStatus.PaymentFailed)
        {
            Status = status;
        }

        UpdatedAt = now;
    }
}

using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.Operations;

/// <summary>
/// PAY-7: one piece of work for the payment provider, queued in the transaction of the change that
/// causes it and run after commit. Unique per (kind, subject, argument), so a cause seen twice
/// queues it once. Every provider call it makes carries an idempotency key derived from these ids,
/// so running it again after a crash or a timeout repeats nothing at the provider.
/// </summary>
internal sealed class ProviderOperation : AggregateRoot
{
    public const string IdPrefix = "pop";
    public const int MaxErrorLength = 1000;

    private ProviderOperation()
    {
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary>Queue order: operations on one subject run in the order their causes happened.</summary>
    public long Sequence { get; private set; }

    public ProviderOperationKind Kind { get; private set; }

    public string SubjectId { get; private set; } = string.Empty;

    /// <summary>Tells repeated work on one subject apart (the collection attempt); empty when there is none.</summary>
    public string Argument { get; private set; } = string.Empty;

    public ProviderOperationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static ProviderOperation Queue(ProviderOperationKind kind, string subjectId, string argument, DateTimeOffset now) => new()
    {
        Id = OpaqueId.New(IdPrefix, now),
        Kind = kind,
        SubjectId = subjectId,
        Argument = argument,
        Status = ProviderOperationStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>
    /// What every idempotency key of this operation starts with: the environment and the operation.
    /// A call's key adds its step (<c>…-item-3</c>); the same call made again (after a timeout, a
    /// 5xx, a crash) carries the same key, and the provider answers it without doing it twice.
    /// </summary>
    public string IdempotencyKeyPrefix(BillingEnvironment environment) =>
        $"billing-{environment.ToWireName()}-{Kind.ToString().ToLowerInvariant()}-{SubjectId}{(Argument.Length > 0 ? "-" + Argument : string.Empty)}";

    public void Complete(DateTimeOffset now)
    {
        if (Status != ProviderOperationStatus.Pending)
        {
            return;
        }

        Status = ProviderOperationStatus.Done;
        CompletedAt = now;
        LastError = null;
    }

    /// <summary>A timeout, 429 or 5xx that outlived the quick retries: try again later, backing off up to an hour.</summary>
    public void RetryLater(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error);
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Attempts - 1)));
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Attempts++;
        Status = ProviderOperationStatus.Failed;
        LastError = Truncate(error);
        CompletedAt = now;
    }

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}

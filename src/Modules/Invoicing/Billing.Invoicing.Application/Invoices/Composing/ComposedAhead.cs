using Billing.BuildingBlocks.Domain.Time;

namespace Billing.Invoicing.Application.Invoices.Composing;

/// <summary>
/// Drafts of a cycle's batch composed before its transaction, while the batch before it was being
/// written (docs-adr/0027, P5). A composition is used only for the subscription, customer, plan,
/// plan version, period and usage end it was made for; anything else is composed again inside the
/// transaction. Only drafts use it: finalization always composes from the latest usage under the
/// write lock (INV-3).
/// </summary>
internal sealed class ComposedAhead
{
    public static readonly ComposedAhead None = new(new Dictionary<Key, ComposedInvoice>());

    private readonly IReadOnlyDictionary<Key, ComposedInvoice> _composed;

    private ComposedAhead(IReadOnlyDictionary<Key, ComposedInvoice> composed) => _composed = composed;

    public static ComposedAhead Of(IReadOnlyList<ComposeRequest> requests, IReadOnlyList<ComposedInvoice> composed) =>
        new(requests.Select((request, index) => (Key: KeyOf(request), Composed: composed[index])).ToDictionary(one => one.Key, one => one.Composed));

    /// <summary>What was composed ahead for this request, if its inputs are still the ones it was made from.</summary>
    public ComposedInvoice? Find(ComposeRequest request) =>
        _composed.TryGetValue(KeyOf(request), out var composed) && composed.PlanVersion == request.Plan.VersionAt(request.Period.Start).Number
            ? composed
            : null;

    private static Key KeyOf(ComposeRequest request) =>
        new(request.Subscription.Id, request.Subscription.CustomerId, request.Plan.Id, request.Period, request.UsageEnd);

    private readonly record struct Key(string SubscriptionId, string CustomerId, string PlanId, Period Period, DateTimeOffset UsageEnd);
}

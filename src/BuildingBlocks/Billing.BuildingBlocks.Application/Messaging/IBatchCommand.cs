namespace Billing.BuildingBlocks.Application.Messaging;

/// <summary>
/// A command over a batch of items (a cycle's subscriptions or drafts) that its sender can split.
/// A batch of several items that keeps meeting conflicting transactions is given back after a few
/// attempts rather than thirty, so the sender splits it: a smaller transaction overlaps fewer others.
/// </summary>
public interface IBatchCommand
{
    int Count { get; }
}

namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>One module's outbox, as the processor sees it.</summary>
internal interface IOutboxSource
{
    string Module { get; }

    /// <summary>Publishes one batch of due messages; answers how many it handled.</summary>
    Task<int> PublishDueAsync(CancellationToken cancellationToken);
}

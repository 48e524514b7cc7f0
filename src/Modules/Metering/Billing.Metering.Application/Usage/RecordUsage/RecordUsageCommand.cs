using System.Text.Json;
using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Metering.Application.Usage.RecordUsage;

/// <summary>
/// MET-3: record one or many events. Deliberately not an <c>ICommand</c>: events are committed by
/// the event store's own group-committed transaction (docs-adr/0018), not by an EF unit of work.
/// </summary>
internal sealed record RecordUsageCommand(IReadOnlyList<JsonElement>? Events) : IRequest<UsageBatchResultDto>
{
    public const int MaxEvents = 5_000;
}

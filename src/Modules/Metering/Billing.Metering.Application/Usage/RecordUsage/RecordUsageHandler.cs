using Billing.Metering.Application.Meters;
using Billing.Metering.Contracts;
using Billing.Metering.Domain.Usage;
using MediatR;

namespace Billing.Metering.Application.Usage.RecordUsage;

/// <summary>
/// MET-2..5: every event is parsed, its customer and meter resolved (one query each for the whole
/// batch), its timestamp checked, its measurement taken; the valid ones are stored in one atomic,
/// idempotent step. Invalid events never hold valid ones back.
/// </summary>
internal sealed class RecordUsageHandler(
    IMeterRepository meters,
    ICustomerDirectory directory,
    IUsageEventStore store,
    IMeteringSettings settings,
    TimeProvider clock) : IRequestHandler<RecordUsageCommand, UsageBatchResultDto>
{
    public async Task<UsageBatchResultDto> Handle(RecordUsageCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = new UsageWindow(await settings.LateUsageWindowAsync(cancellationToken));
        var parsed = command.Events!.Select(IncomingEvent.Parse).ToList();
        var valid = parsed.Where(result => result.Event is not null).Select(result => result.Event!).ToList();
        var metersByEvent = await meters.FindByEventNamesAsync(valid.Select(incoming => incoming.Event).Distinct().ToList(), cancellationToken);
        var customers = await directory.ResolveAsync(valid.Select(incoming => incoming.Customer).Distinct().ToList(), cancellationToken);

        var results = new UsageEventResultDto[parsed.Count];
        var toStore = new List<(int Index, UsageEventRecord Record)>();
        for (var index = 0; index < parsed.Count; index++)
        {
            var (incoming, id, detail) = parsed[index];
            if (incoming is null)
            {
                results[index] = Rejected(id, RejectionReason.InvalidEvent, detail!);
            }
            else if (!customers.TryGetValue(incoming.Customer, out var customer))
            {
                results[index] = UnknownCustomer(id, incoming.Customer);
            }
            else if (!metersByEvent.TryGetValue(incoming.Event, out var meter))
            {
                results[index] = Rejected(id, RejectionReason.UnknownEvent, $"No meter counts events named '{incoming.Event}' in this environment.");
            }
            else if (window.Check(incoming.Timestamp, now) is { } tooEarlyOrLate)
            {
                results[index] = Rejected(id, tooEarlyOrLate.Code, tooEarlyOrLate.Detail);
            }
            else if (meter.Measure(incoming.Properties) is var measurement && measurement.IsRejected)
            {
                results[index] = Rejected(id, measurement.RejectionCode!, measurement.RejectionDetail!);
            }
            else
            {
                var properties = PayloadHash.Canonical(incoming.Properties);
                toStore.Add((index, new UsageEventRecord(
                    incoming.Id, customer.Id, incoming.Customer, incoming.Event, incoming.Timestamp, properties,
                    measurement.ValueMicros, measurement.UniqueKey, PayloadHash.Of(incoming, properties))));
            }
        }

        if (toStore.Count > 0)
        {
            var outcomes = await store.AppendAsync(toStore.Select(item => item.Record).ToList(), cancellationToken);
            for (var i = 0; i < toStore.Count; i++)
            {
                results[toStore[i].Index] = outcomes[i] switch
                {
                    AppendOutcome.Accepted => new UsageEventResultDto(toStore[i].Record.EventId, "accepted", null, null),
                    AppendOutcome.Duplicate => new UsageEventResultDto(toStore[i].Record.EventId, "duplicate", null, null),
                    AppendOutcome.UnknownCustomer => UnknownCustomer(toStore[i].Record.EventId, toStore[i].Record.ExternalCustomerId),
                    _ => Rejected(toStore[i].Record.EventId, RejectionReason.IdConflict, "This id was recorded before with a different payload."),
                };
            }
        }

        return new UsageBatchResultDto(
            results.Count(result => result.Status == "accepted"),
            results.Count(result => result.Status == "duplicate"),
            results.Count(result => result.Status == "rejected"),
            results);
    }

    private static UsageEventResultDto Rejected(string? id, string reason, string detail) => new(id, "rejected", reason, detail);

    private static UsageEventResultDto UnknownCustomer(string? id, string externalId) =>
        Rejected(id, RejectionReason.UnknownCustomer, $"No customer has external id '{externalId}' in this environment.");
}

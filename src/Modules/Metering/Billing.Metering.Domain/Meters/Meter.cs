using System.Text.Json;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Domain.Usage;

namespace Billing.Metering.Domain.Meters;

/// <summary>
/// MET-1: what is counted. One meter per event name in an environment, so every stored event is
/// measured by exactly one meter, at ingestion. Meters do not change once created: changing how
/// usage is measured would change what past invoices meant.
/// </summary>
internal sealed class Meter : AggregateRoot
{
    public const string IdPrefix = "mtr";
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxPropertyLength = 100;

    private Meter()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string EventName { get; private set; } = string.Empty;

    public Aggregation Aggregation { get; private set; }

    /// <summary>The event property measured; none for <see cref="Aggregation.Count"/>.</summary>
    public string? Property { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Meter Create(string code, string displayName, string eventName, Aggregation aggregation, string? property, DateTimeOffset now)
    {
        if (aggregation == Aggregation.Count && property is not null)
        {
            throw new BusinessRuleViolation("property_not_used", "A count meter counts events; it takes no property.");
        }

        if (aggregation != Aggregation.Count && string.IsNullOrWhiteSpace(property))
        {
            throw new BusinessRuleViolation("property_required", $"A {aggregation} meter needs the property it measures.");
        }

        return new Meter
        {
            Id = OpaqueId.New(IdPrefix, now),
            Code = code,
            DisplayName = displayName,
            EventName = eventName,
            Aggregation = aggregation,
            Property = property,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// What this meter takes from an event's properties (MET-5): nothing for a count, a number for
    /// sum, max and latest, a distinct key for unique count — or why the event cannot be measured.
    /// </summary>
    public Measurement Measure(JsonElement properties)
    {
        if (Aggregation == Aggregation.Count)
        {
            return Measurement.Nothing;
        }

        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(Property!, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Measurement.Rejected(RejectionReason.MissingProperty, $"The '{EventName}' meter needs property '{Property}'.");
        }

        return Aggregation == Aggregation.UniqueCount
            ? Measurement.ForUniqueCount(value, Property!)
            : Measurement.ForNumber(value, Property!);
    }
}

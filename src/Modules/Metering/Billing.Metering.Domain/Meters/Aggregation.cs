namespace Billing.Metering.Domain.Meters;

/// <summary>MET-1: how a meter turns its events into one quantity for a period.</summary>
internal enum Aggregation
{
    /// <summary>Number of events.</summary>
    Count,

    /// <summary>Sum of a numeric property.</summary>
    Sum,

    /// <summary>Largest value of a numeric property.</summary>
    Max,

    /// <summary>Number of distinct values of a property.</summary>
    UniqueCount,

    /// <summary>Value of a numeric property on the latest event (by timestamp).</summary>
    Latest,
}

namespace Billing.Metering.Domain.Usage;

/// <summary>MET-3, MET-5: machine-readable reasons an event is not stored.</summary>
internal static class RejectionReason
{
    public const string InvalidEvent = "invalid_event";
    public const string UnknownCustomer = "unknown_customer";
    public const string UnknownEvent = "unknown_event";
    public const string MissingProperty = "missing_property";
    public const string NonNumericProperty = "non_numeric_property";
    public const string PropertyOutOfRange = "property_out_of_range";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string TimestampTooOld = "timestamp_too_old";

    /// <summary>MET-4: the id was used before with a different payload.</summary>
    public const string IdConflict = "id_conflict";
}

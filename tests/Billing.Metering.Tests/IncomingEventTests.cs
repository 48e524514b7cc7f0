using System.Text.Json;
using Billing.Metering.Application.Usage.RecordUsage;

namespace Billing.Metering.Tests;

/// <summary>MET-2, MET-4: how an event is read, and what makes two events the same.</summary>
public sealed class IncomingEventTests
{
    [Fact]
    public void A_timestamp_with_any_offset_is_kept_as_its_UTC_instant()
    {
        var (incoming, _, detail) = IncomingEvent.Parse(Json("""{"id":"e1","customer":"acme","event":"call","timestamp":"2026-04-30T21:30:00-07:00"}"""));

        detail.ShouldBeNull();
        incoming!.Timestamp.ShouldBe(new DateTimeOffset(2026, 5, 1, 4, 30, 0, TimeSpan.Zero));
        incoming.Timestamp.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("""{"customer":"acme","event":"call","timestamp":"2026-05-01T00:00:00Z"}""", "id")]
    [InlineData("""{"id":7,"customer":"acme","event":"call","timestamp":"2026-05-01T00:00:00Z"}""", "id")]
    [InlineData("""{"id":"e","event":"call","timestamp":"2026-05-01T00:00:00Z"}""", "customer")]
    [InlineData("""{"id":"e","customer":"acme","timestamp":"2026-05-01T00:00:00Z"}""", "event")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01 00:00:00"}""", "timestamp")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T00:00:00"}""", "timestamp")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":1714521600}""", "timestamp")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T00:00:00Z","properties":[1]}""", "properties")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T00:00:00Z","value":1}""", "'value'")]
    [InlineData("""["not","an","object"]""", "object")]
    public void A_malformed_event_is_refused_naming_what_is_wrong(string json, string named)
    {
        var (incoming, _, detail) = IncomingEvent.Parse(Json(json));

        incoming.ShouldBeNull();
        detail.ShouldNotBeNull().ShouldContain(named);
    }

    [Fact]
    public void The_same_event_restated_hashes_the_same_and_a_changed_one_does_not()
    {
        var original = Hash("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T04:30:00Z","properties":{"a":1,"b":{"y":2,"x":[3,{"q":1,"p":2}]}}}""");
        var reordered = Hash("""{"properties":{"b":{"x":[3,{"p":2,"q":1}],"y":2},"a":1},"timestamp":"2026-04-30T21:30:00-07:00","event":"call","customer":"acme","id":"e"}""");
        var changed = Hash("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T04:30:00Z","properties":{"a":2,"b":{"y":2,"x":[3,{"q":1,"p":2}]}}}""");
        var otherCustomer = Hash("""{"id":"e","customer":"beta","event":"call","timestamp":"2026-05-01T04:30:00Z","properties":{"a":1,"b":{"y":2,"x":[3,{"q":1,"p":2}]}}}""");

        reordered.ShouldBe(original);
        changed.ShouldNotBe(original);
        otherCustomer.ShouldNotBe(original);
    }

    /// <summary>
    /// Stored hashes must keep their meaning across versions, or a retry after an upgrade would be a
    /// conflict: SHA-256 of customer, event, UTC ticks and sorted properties, one per line (the
    /// expected values computed independently, with Python's hashlib).
    /// </summary>
    [Theory]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-04-30T21:30:00-07:00","properties":{"b":{"y":2,"x":[3,{"q":1,"p":2}]},"a":1}}""",
        "9565970db852f3eea62583642e9bd9de7ec581ebaf507cc1a085d9f3ee074ecd")]
    [InlineData("""{"id":"e","customer":"acme","event":"call","timestamp":"2026-05-01T04:30:00.0000000Z"}""",
        "84d26d0acd56cb4611229187ed87fd9797770c09adcdf24ea1b33c9aed937b18")]
    public void The_payload_hash_is_the_one_earlier_versions_stored(string json, string expected)
    {
        Hash(json).ShouldBe(expected);
        Hash(json).ShouldBe(expected);
    }

    private static string Hash(string json)
    {
        var incoming = IncomingEvent.Parse(Json(json)).Event!;
        return PayloadHash.Of(incoming, PayloadHash.Canonical(incoming.Properties));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}

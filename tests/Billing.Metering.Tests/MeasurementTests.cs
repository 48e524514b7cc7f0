using System.Text.Json;
using Billing.BuildingBlocks.Domain;
using Billing.Metering.Domain.Meters;
using Billing.Metering.Domain.Usage;

namespace Billing.Metering.Tests;

/// <summary>MET-1, MET-5: what a meter reads from an event, and when it cannot.</summary>
public sealed class MeasurementTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"gb":1.5}""", 1_500_000L)]
    [InlineData("""{"gb":"2.25"}""", 2_250_000L)]
    [InlineData("""{"gb":-3}""", -3_000_000L)]
    [InlineData("""{"gb":0.000001}""", 1L)]
    [InlineData("""{"gb":1000000000000}""", 1_000_000_000_000_000_000L)]
    public void A_sum_meter_reads_numbers_exactly_as_millionths(string properties, long micros)
    {
        var measurement = Meter("sum", "gb").Measure(Json(properties));

        measurement.IsRejected.ShouldBeFalse();
        measurement.ValueMicros.ShouldBe(micros);
    }

    [Theory]
    [InlineData("""{}""", RejectionReason.MissingProperty)]
    [InlineData("""{"gb":null}""", RejectionReason.MissingProperty)]
    [InlineData("""{"gb":"many"}""", RejectionReason.NonNumericProperty)]
    [InlineData("""{"gb":true}""", RejectionReason.NonNumericProperty)]
    [InlineData("""{"gb":[1]}""", RejectionReason.NonNumericProperty)]
    [InlineData("""{"gb":0.0000001}""", RejectionReason.PropertyOutOfRange)]
    [InlineData("""{"gb":1000000000001}""", RejectionReason.PropertyOutOfRange)]
    public void A_value_that_cannot_be_summed_is_rejected_with_its_reason(string properties, string reason) =>
        Meter("max", "gb").Measure(Json(properties)).RejectionCode.ShouldBe(reason);

    [Fact]
    public void A_count_meter_needs_no_property_and_a_unique_count_reads_any_scalar()
    {
        Meter("count", null).Measure(Json("{}")).ShouldBe(Measurement.Nothing);
        Meter("unique_count", "user").Measure(Json("""{"user":"ann"}""")).UniqueKey.ShouldBe("ann");
        Meter("unique_count", "user").Measure(Json("""{"user":42}""")).UniqueKey.ShouldBe("42");
        Meter("unique_count", "user").Measure(Json("""{"user":{"id":1}}""")).RejectionCode.ShouldBe(RejectionReason.MissingProperty);
    }

    [Fact]
    public void A_meter_refuses_a_property_it_does_not_use_or_lacks_one_it_needs()
    {
        Should.Throw<BusinessRuleViolation>(() => Meter("count", "n")).Code.ShouldBe("property_not_used");
        Should.Throw<BusinessRuleViolation>(() => Meter("latest", " ")).Code.ShouldBe("property_required");
    }

    [Fact]
    public void Timestamps_are_accepted_from_35_days_back_to_5_minutes_ahead()
    {
        var window = new UsageWindow(UsageWindow.DefaultLateUsageWindow);

        window.Check(Now.AddMinutes(5), Now).ShouldBeNull();
        window.Check(Now.AddMinutes(5).AddTicks(1), Now)!.Value.Code.ShouldBe(RejectionReason.TimestampInFuture);
        window.Check(Now.AddDays(-35), Now).ShouldBeNull();
        window.Check(Now.AddDays(-35).AddTicks(-1), Now)!.Value.Code.ShouldBe(RejectionReason.TimestampTooOld);
        new UsageWindow(TimeSpan.FromDays(7)).Check(Now.AddDays(-8), Now)!.Value.Code.ShouldBe(RejectionReason.TimestampTooOld);
    }

    private static Meter Meter(string aggregation, string? property) =>
        Domain.Meters.Meter.Create("m", "M", "e", Enum.Parse<Aggregation>(aggregation.Replace("_", string.Empty), ignoreCase: true), property, Now);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.Host.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>MET-1..MET-6 through HTTP.</summary>
public sealed class MeteringApiTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [Fact]
    public async Task Each_rejection_has_its_own_reason_and_the_valid_events_of_the_batch_are_stored()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();

        var answer = await s.SendBatchAsync(
            s.Event("ok-1", s.Storage, now, new { gb = 2 }),
            new { id = "unknown-customer-" + s.Suffix, customer = "nobody", @event = s.Calls, timestamp = now.ToString("O") },
            s.Event("unknown-event", "no-such-event", now),
            s.Event("missing", s.Storage, now, new { other = 1 }),
            s.Event("non-numeric", s.Storage, now, new { gb = "lots" }),
            s.Event("too-precise", s.Storage, now, new { gb = 0.0000001m }),
            s.Event("future", s.Calls, now.AddMinutes(5).AddSeconds(1)),
            s.Event("too-old", s.Calls, now.AddDays(-35).AddSeconds(-1)),
            new { customer = s.Customer, @event = s.Calls, timestamp = now.ToString("O") },
            new { id = "no-offset-" + s.Suffix, customer = s.Customer, @event = s.Calls, timestamp = "2026-04-30T12:00:00" },
            new { id = "extra-field-" + s.Suffix, customer = s.Customer, @event = s.Calls, timestamp = now.ToString("O"), amount = 3 },
            s.Event("ok-2", s.Calls, now.AddMinutes(5)),
            s.Event("ok-3", s.Calls, now.AddDays(-35).AddSeconds(1)));

        var results = answer.GetProperty("results").EnumerateArray().ToList();
        results.Select(result => result.Str("status") == "rejected" ? result.Str("reason") : result.Str("status")).ShouldBe(
        [
            "accepted", "unknown_customer", "unknown_event", "missing_property", "non_numeric_property", "property_out_of_range",
            "timestamp_in_future", "timestamp_too_old", "invalid_event", "invalid_event", "invalid_event", "accepted", "accepted",
        ]);
        results[1].Str("id").ShouldBe("unknown-customer-" + s.Suffix);
        results[10].Str("detail").ShouldContain("'amount'");
        answer.GetProperty("accepted").GetInt32().ShouldBe(3);
        answer.GetProperty("rejected").GetInt32().ShouldBe(10);
        (await s.UsageAsync(s.Storage, now.AddDays(-40), now.AddDays(1))).ShouldBe((2m, 1L));
        (await s.UsageAsync(s.Calls, now.AddDays(-40), now.AddDays(1))).ShouldBe((2m, 2L));
    }

    [Fact]
    public async Task A_repeated_event_is_a_duplicate_never_counted_twice_and_a_changed_one_is_a_conflict()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var batch = new[] { s.Event("a", s.Storage, now, new { gb = 1.5m, region = "eu" }), s.Event("b", s.Storage, now, new { gb = 2 }) };
        (await s.SendBatchAsync(batch)).GetProperty("accepted").GetInt32().ShouldBe(2);

        var replay = await s.SendBatchAsync(batch);
        replay.GetProperty("duplicates").GetInt32().ShouldBe(2);

        // The same event re-stated: keys in another order, the same instant at another offset.
        var restated = new { id = "a-" + s.Suffix, customer = s.Customer, @event = s.Storage, timestamp = now.ToOffset(TimeSpan.FromHours(-7)).ToString("O"), properties = new { region = "eu", gb = 1.5m } };
        (await s.SendBatchAsync(restated)).GetProperty("results")[0].Str("status").ShouldBe("duplicate");

        var changed = await s.SendBatchAsync(s.Event("a", s.Storage, now, new { gb = 99, region = "eu" }));
        changed.GetProperty("results")[0].Str("reason").ShouldBe("id_conflict");

        var twiceInOneBatch = await s.SendBatchAsync(s.Event("c", s.Storage, now, new { gb = 1 }), s.Event("c", s.Storage, now, new { gb = 1 }));
        twiceInOneBatch.GetProperty("results").EnumerateArray().Select(result => result.Str("status")).ShouldBe(["accepted", "duplicate"]);

        (await s.UsageAsync(s.Storage, now.AddDays(-1), now.AddDays(1))).ShouldBe((4.5m, 3L));
    }

    [Fact]
    public async Task A_single_event_answers_201_200_400_or_409()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var single = s.Event("one", s.Calls, now);

        var accepted = await s.Client.PostAsJsonAsync("/v1/events", single);
        (await accepted.ShouldBeJsonAsync(HttpStatusCode.Created)).Str("status").ShouldBe("accepted");
        (await (await s.Client.PostAsJsonAsync("/v1/events", single)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("duplicate");

        var unknown = await (await s.Client.PostAsJsonAsync("/v1/events", s.Event("two", "nothing-counts-this", now))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unknown_event");
        unknown.Str("eventId").ShouldBe("two-" + s.Suffix);
        await (await s.Client.PostAsJsonAsync("/v1/events", s.Event("one", s.Calls, now.AddSeconds(-1)))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "id_conflict");
        await (await s.Client.PostAsync("/v1/events", new StringContent("[1,2]", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_event");
        (await s.UsageAsync(s.Calls, now.AddDays(-1), now.AddDays(1))).ShouldBe((1m, 1L));
    }

    [Fact]
    public async Task Each_aggregation_matches_a_hand_computed_quantity_over_a_half_open_range()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var from = now.AddHours(-10);
        var to = now.AddHours(-1);

        await s.SendBatchAsync(
            s.Event("c1", s.Calls, from), s.Event("c2", s.Calls, from.AddHours(1)), s.Event("c3", s.Calls, to.AddTicks(-10)), s.Event("c4", s.Calls, to),
            s.Event("s1", s.Storage, from, new { gb = 1.25m }), s.Event("s2", s.Storage, from.AddHours(2), new { gb = "2.5" }),
            s.Event("s3", s.Storage, from.AddHours(3), new { gb = -0.75m }), s.Event("s4", s.Storage, to, new { gb = 100 }),
            s.Event("p1", s.Peak, from, new { cpu = 3 }), s.Event("p2", s.Peak, from.AddHours(4), new { cpu = 7.5m }), s.Event("p3", s.Peak, from.AddHours(5), new { cpu = 2 }),
            s.Event("u1", s.Users, from, new { user_id = "ann" }), s.Event("u2", s.Users, from.AddHours(1), new { user_id = "bob" }),
            s.Event("u3", s.Users, from.AddHours(2), new { user_id = "ann" }), s.Event("u4", s.Users, from.AddHours(3), new { user_id = 42 }),
            // Latest goes by timestamp, not by arrival: the last event sent is the earliest.
            s.Event("l1", s.Seats, from.AddHours(6), new { seats = 12 }), s.Event("l2", s.Seats, from.AddHours(7), new { seats = 15 }),
            s.Event("l3", s.Seats, from.AddHours(1), new { seats = 99 }));

        (await s.UsageAsync(s.Calls, from, to)).ShouldBe((3m, 3L));
        (await s.UsageAsync(s.Storage, from, to)).ShouldBe((3.00m, 3L));
        (await s.UsageAsync(s.Peak, from, to)).ShouldBe((7.5m, 3L));
        (await s.UsageAsync(s.Users, from, to)).ShouldBe((3m, 4L));
        (await s.UsageAsync(s.Seats, from, to)).ShouldBe((15m, 3L));
        (await s.UsageAsync(s.Calls, to, to.AddHours(1))).ShouldBe((1m, 1L));
        (await s.UsageAsync(s.Peak, now.AddDays(1), now.AddDays(2))).ShouldBe((0m, 0L));
    }

    [Fact]
    public async Task Many_customers_are_summarized_at_once_each_with_its_own_hand_computed_quantities()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var (from, to) = (now.AddHours(-10), now.AddHours(-1));
        var other = await (await s.Client.PostAsJsonAsync("/v1/customers", new { externalId = "other-" + s.Suffix, kind = "company", name = "Other", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var idle = await (await s.Client.PostAsJsonAsync("/v1/customers", new { externalId = "idle-" + s.Suffix, kind = "company", name = "Idle", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        object Other(string id, string eventName, DateTimeOffset timestamp, object? properties = null) =>
            new { id = id + "-other-" + s.Suffix, customer = "other-" + s.Suffix, @event = eventName, timestamp = timestamp.ToString("O"), properties };

        await s.SendBatchAsync(
            s.Event("c1", s.Calls, from), s.Event("c2", s.Calls, to),
            s.Event("s1", s.Storage, from, new { gb = 1.5m }), s.Event("s2", s.Storage, from.AddHours(1), new { gb = 2 }),
            s.Event("p1", s.Peak, from, new { cpu = 4 }),
            s.Event("u1", s.Users, from, new { user_id = "ann" }), s.Event("u2", s.Users, from.AddHours(1), new { user_id = "ann" }),
            s.Event("l1", s.Seats, from.AddHours(2), new { seats = 5 }), s.Event("l2", s.Seats, from.AddHours(1), new { seats = 9 }),
            Other("c1", s.Calls, from), Other("c2", s.Calls, from.AddHours(1)), Other("c3", s.Calls, from.AddHours(2)),
            Other("s1", s.Storage, from, new { gb = 10 }),
            Other("p1", s.Peak, from, new { cpu = 1 }), Other("p2", s.Peak, from.AddHours(3), new { cpu = 6.25m }),
            Other("u1", s.Users, from, new { user_id = "ann" }), Other("u2", s.Users, from.AddHours(1), new { user_id = "bob" }),
            Other("l1", s.Seats, from.AddHours(1), new { seats = 3 }), Other("l2", s.Seats, from.AddHours(4), new { seats = 7 }));

        IReadOnlyDictionary<string, Billing.Metering.Contracts.UsageSummaryDto> summaries;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Set(BillingEnvironment.Test, "test:invoicing");
            summaries = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new Billing.Metering.Contracts.GetUsageSummariesQuery([s.CustomerId, other.Str("id"), idle.Str("id")], from, to));
        }

        (decimal, long) Of(string customerId, string meter)
        {
            var usage = summaries[customerId].Meters.Single(line => line.MeterCode == meter);
            return (usage.Quantity, usage.EventCount);
        }

        // The first customer: its c2 falls on the open end of the range.
        Of(s.CustomerId, s.Calls).ShouldBe((1m, 1L));
        Of(s.CustomerId, s.Storage).ShouldBe((3.5m, 2L));
        Of(s.CustomerId, s.Peak).ShouldBe((4m, 1L));
        Of(s.CustomerId, s.Users).ShouldBe((1m, 2L));
        Of(s.CustomerId, s.Seats).ShouldBe((5m, 2L));
        Of(other.Str("id"), s.Calls).ShouldBe((3m, 3L));
        Of(other.Str("id"), s.Storage).ShouldBe((10m, 1L));
        Of(other.Str("id"), s.Peak).ShouldBe((6.25m, 2L));
        Of(other.Str("id"), s.Users).ShouldBe((2m, 2L));
        Of(other.Str("id"), s.Seats).ShouldBe((7m, 2L));
        foreach (var meter in new[] { s.Calls, s.Storage, s.Peak, s.Users, s.Seats })
        {
            Of(idle.Str("id"), meter).ShouldBe((0m, 0L));
        }

        // The single summary of the HTTP route agrees with the batch.
        (await s.UsageAsync(s.Seats, from, to)).ShouldBe(Of(s.CustomerId, s.Seats));
    }

    [Fact]
    public async Task The_usage_summary_lists_every_meter_when_none_is_named_and_refuses_bad_ranges()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var range = $"from={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(now.ToString("O"))}";

        var all = await (await s.Client.GetAsync($"/v1/customers/{s.CustomerId}/usage?{range}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        all.GetProperty("meters").EnumerateArray().Select(meter => meter.Str("meterCode")).ShouldContain(s.Seats);

        await (await s.Client.GetAsync($"/v1/customers/{s.CustomerId}/usage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        var backwards = $"from={Uri.EscapeDataString(now.ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}";
        await (await s.Client.GetAsync($"/v1/customers/{s.CustomerId}/usage?{backwards}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await s.Client.GetAsync($"/v1/customers/{s.CustomerId}/usage?from=yesterday&to=today")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await s.Client.GetAsync($"/v1/customers/cus_unknown/usage?{range}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await s.Client.GetAsync($"/v1/customers/{s.CustomerId}/usage?meter=nope&{range}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_batch_takes_between_one_and_5000_events()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();

        var full = await s.SendBatchAsync(Enumerable.Range(0, 5000).Select(i => s.Event($"bulk{i}", s.Calls, now)).ToArray());
        full.GetProperty("accepted").GetInt32().ShouldBe(5000);

        var tooMany = await s.Client.PostAsJsonAsync("/v1/events/batch", new { events = Enumerable.Range(0, 5001).Select(i => s.Event($"over{i}", s.Calls, now)) });
        var problem = await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        problem.GetProperty("errors").GetProperty("events")[0].GetString()!.ShouldContain("5000");
        await (await s.Client.PostAsJsonAsync("/v1/events/batch", new { events = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await s.Client.PostAsJsonAsync("/v1/events/batch", new { events = 5 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await s.Client.PostAsJsonAsync("/v1/events/batch", new { events = Array.Empty<object>(), extra = 1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await s.Client.PostAsync("/v1/events/batch", new StringContent("{\"events\":[", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");
        var huge = new StringContent("{\"events\":[\"" + new string('x', 9 * 1024 * 1024) + "\"]}", Encoding.UTF8, "application/json");
        await (await s.Client.PostAsync("/v1/events/batch", huge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await s.UsageAsync(s.Calls, now.AddDays(-1), now.AddDays(1))).ShouldBe((5000m, 5000L));
    }

    [Fact]
    public async Task Usage_never_crosses_environments()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        var now = await s.NowAsync();
        var live = factory.ClientWith(BillingApiFactory.LiveAdminKey);

        var fromLive = await (await live.PostAsJsonAsync("/v1/events/batch", new { events = new[] { s.Event("x", s.Calls, now) } })).ShouldBeJsonAsync(HttpStatusCode.OK);
        fromLive.GetProperty("results")[0].Str("reason").ShouldBe("unknown_customer");

        var range = $"from={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(1).ToString("O"))}";
        await (await live.GetAsync($"/v1/customers/{s.CustomerId}/usage?{range}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var liveMeters = await (await live.GetAsync("/v1/meters")).ShouldBeJsonAsync(HttpStatusCode.OK);
        liveMeters.GetProperty("data").EnumerateArray().ShouldNotContain(meter => meter.Str("code") == s.Calls);
    }

    [Fact]
    public async Task Meters_are_created_by_admins_with_a_property_where_the_aggregation_needs_one()
    {
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var code = "m-" + Guid.NewGuid().ToString("N")[..8];

        await (await admin.PostAsJsonAsync("/v1/meters", new { code, displayName = "X", eventName = code, aggregation = "sum" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await admin.PostAsJsonAsync("/v1/meters", new { code, displayName = "X", eventName = code, aggregation = "count", property = "n" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await admin.PostAsJsonAsync("/v1/meters", new { code, displayName = "X", eventName = code, aggregation = "median", property = "n" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        (await admin.PostAsJsonAsync("/v1/meters", new { code, displayName = "X", eventName = code, aggregation = "max", property = "n" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/v1/meters", new { code, displayName = "Y", eventName = code + "-other", aggregation = "count" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "meter_exists");
        await (await admin.PostAsJsonAsync("/v1/meters", new { code = code + "-other", displayName = "Y", eventName = code, aggregation = "count" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "meter_exists");
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PostAsJsonAsync("/v1/meters", new { code = code + "-c", displayName = "Z", eventName = code + "-c", aggregation = "count" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

/// <summary>INV-1 and MET-2: an event belongs to the period of its UTC instant, whatever offset it was sent with.</summary>
public sealed class UsageTimeZoneTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [Fact]
    public async Task An_event_sent_as_21_30_minus_7_on_April_30_counts_on_May_1_UTC()
    {
        var s = await MeteringScenario.CreateAsync(factory);
        (await s.Client.PutAsJsonAsync("/v1/test/clock", new { now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero) })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var answer = await s.SendBatchAsync(
            new { id = "pdt-" + s.Suffix, customer = s.Customer, @event = s.Calls, timestamp = "2026-04-30T21:30:00-07:00" },
            new { id = "pst-" + s.Suffix, customer = s.Customer, @event = s.Calls, timestamp = "2026-04-30T10:30:00-08:00" });
        answer.GetProperty("accepted").GetInt32().ShouldBe(2);

        var april = (new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var mayFirst = (new DateTimeOffset(2026, 5, 1, 4, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 1, 4, 30, 0, 1, TimeSpan.Zero));
        (await s.UsageAsync(s.Calls, april.Item1, april.Item2)).ShouldBe((1m, 1L));
        (await s.UsageAsync(s.Calls, mayFirst.Item1, mayFirst.Item2)).ShouldBe((1m, 1L));
    }
}

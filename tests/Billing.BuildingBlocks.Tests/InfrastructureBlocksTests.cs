using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Infrastructure.Access;
using Billing.BuildingBlocks.Infrastructure.Outbox;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Time;
using Microsoft.Extensions.Configuration;

namespace Billing.BuildingBlocks.Tests;

public sealed class InfrastructureBlocksTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 30, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_simulated_clock_stands_still_until_moved_and_only_moves_forward()
    {
        var clock = new SimulatedTimeProvider(Start);

        clock.GetUtcNow().ShouldBe(Start);
        clock.Advance(TimeSpan.FromHours(2)).ShouldBe(Start.AddHours(2));
        clock.SetTo(Start.AddDays(3)).ShouldBe(Start.AddDays(3));
        clock.GetUtcNow().ShouldBe(Start.AddDays(3));

        Should.Throw<ArgumentOutOfRangeException>(() => clock.SetTo(Start));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.Zero));
        clock.GetUtcNow().ShouldBe(Start.AddDays(3));
    }

    [Fact]
    public void The_clock_is_real_unless_the_simulated_setting_is_on()
    {
        BillingClock.From(Configuration([])).Simulated.ShouldBeNull();
        BillingClock.From(Configuration([])).Now.ShouldBe(TimeProvider.System);

        var simulated = BillingClock.From(Configuration(new() { ["Billing:Clock:Simulated"] = "true", ["Billing:Clock:Start"] = "2026-04-30T16:00:00-07:00" }));
        simulated.Simulated.ShouldNotBeNull();
        simulated.Now.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 4, 30, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void The_caller_must_be_set_before_it_is_read_and_is_set_once()
    {
        var caller = new CallerContext();

        Should.Throw<InvalidOperationException>(() => caller.Environment).Message.ShouldContain("ENV-1");
        caller.Set(Domain.BillingEnvironment.Test, "key_1");
        caller.Environment.ShouldBe(Domain.BillingEnvironment.Test);
        Should.Throw<InvalidOperationException>(() => caller.Set(Domain.BillingEnvironment.Live, "key_1"));
    }

    [Fact]
    public void An_outbox_message_round_trips_its_integration_event()
    {
        var sent = new SomethingHappened(Guid.CreateVersion7(), Start, "cus_1", 42.5m);

        var message = OutboxMessage.From(sent);

        message.ToIntegrationEvent().ShouldBe(sent);
    }

    [Fact]
    public void A_failed_outbox_message_backs_off_exponentially_up_to_an_hour()
    {
        var message = OutboxMessage.From(new SomethingHappened(Guid.CreateVersion7(), Start, "cus_1", 1m));

        message.MarkFailed(Start, new TimeoutException("slow"));
        message.NextAttemptAt.ShouldBe(Start.AddSeconds(2));
        for (var i = 0; i < 20; i++)
        {
            message.MarkFailed(Start, new TimeoutException("slow"));
        }

        message.NextAttemptAt.ShouldBe(Start.AddHours(1));
        message.LastError.ShouldBe("TimeoutException: slow");
    }

    [Fact]
    public void Instants_are_stored_as_fixed_width_UTC_text_so_text_order_is_time_order()
    {
        var converter = new UtcInstantToTextConverter();
        var toText = (Func<DateTimeOffset, string>)converter.ConvertToProviderExpression.Compile();
        var fromText = (Func<string, DateTimeOffset>)converter.ConvertFromProviderExpression.Compile();
        var pst = new DateTimeOffset(2026, 4, 30, 21, 30, 0, TimeSpan.FromHours(-7));

        toText(pst).ShouldBe("2026-05-01T04:30:00.0000000Z");
        fromText(toText(pst)).ShouldBe(pst);
        string.CompareOrdinal(toText(Start), toText(Start.AddTicks(1))).ShouldBeLessThan(0);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public sealed record SomethingHappened(Guid Id, DateTimeOffset OccurredAt, string CustomerId, decimal Amount) : IntegrationEvent(Id, OccurredAt);
}

using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.BuildingBlocks.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Billing.Host.Clock;

internal sealed record ClockDto(DateTimeOffset Now, bool Simulated);

/// <summary><c>by</c>: an ISO 8601 duration (<c>PT1H</c>, <c>P1D</c>) or a .NET time span (<c>1.00:00:00</c>).</summary>
internal sealed record AdvanceClockRequest(string? By);

internal sealed record SetClockRequest(DateTimeOffset? Now);

/// <summary>
/// OPS-4: a move replays every due job at each instant on the way, so one move may not span more
/// than ten years (a daily plan would be invoiced thousands of times in one request).
/// </summary>
internal static class ClockMoves
{
    public const int MaxYears = 10;

    public static bool Fits(DateTimeOffset from, DateTimeOffset to) => to <= from.AddYears(MaxYears);
}

internal sealed class AdvanceClockValidator : AbstractValidator<AdvanceClockRequest>
{
    public AdvanceClockValidator(BillingClock clock) =>
        RuleFor(request => request.By)
            .NotEmpty()
            .Must(by => TestClockEndpoints.TryParseDuration(by, out var step) && step > TimeSpan.Zero
                && clock.Simulated!.GetUtcNow() is var now && ClockMoves.Fits(now, now + step))
            .WithMessage($"by must be a positive duration of at most {ClockMoves.MaxYears} years, as ISO 8601 (PT1H, P1D) or d.hh:mm:ss.");
}

internal sealed class SetClockValidator : AbstractValidator<SetClockRequest>
{
    public SetClockValidator(BillingClock clock) =>
        RuleFor(request => request.Now)
            .NotNull()
            .Must(now => now is null || ClockMoves.Fits(clock.Simulated!.GetUtcNow(), now.Value))
            .WithMessage($"now may be at most {ClockMoves.MaxYears} years after the clock's now; move it in several steps.");
}

/// <summary>
/// OPS-4: read, set and advance the simulated clock. A move replays time: it stops at every instant
/// on the way at which a scheduled job (invoicing cycle, finalization, past due, webhooks) has work,
/// runs the jobs there, and answers once it has reached the target (JobScheduler.ReplayUntilAsync). Mapped only when the server runs with
/// <c>Billing:Clock:Simulated=true</c>; otherwise these routes do not exist (404).
/// </summary>
internal static class TestClockEndpoints
{
    public static IEndpointRouteBuilder MapTestClockEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<BillingClock>().Simulated is null)
        {
            return app;
        }

        var clock = app.MapGroup("/v1/test/clock")
            .WithTags("Simulated clock")
            .RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        clock.MapGet("/", (BillingClock time) => TypedResults.Ok(new ClockDto(time.Simulated!.GetUtcNow(), Simulated: true)))
            .WithName("GetTestClock").WithSummary("The simulated clock's now");
        clock.MapPost("/advance", Advance).WithName("AdvanceTestClock").WithSummary("Move the clock forward by a duration").ProducesValidationProblem();
        clock.MapPut("/", Set).WithName("SetTestClock").WithSummary("Move the clock forward to an instant; never backwards")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static bool TryParseDuration(string? text, out TimeSpan duration) => IsoDuration.TryParse(text, out duration);

    private static async Task<Ok<ClockDto>> Advance(
        AdvanceClockRequest request, AdvanceClockValidator validator, BillingClock clock, JobScheduler scheduler, ILogger<BillingClock> logger, CancellationToken cancellationToken)
    {
        var time = clock.Simulated!;
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        TryParseDuration(request.By, out var step);
        var now = await scheduler.ReplayUntilAsync(time, time.GetUtcNow() + step, cancellationToken);
        logger.LogInformation("Simulated clock advanced by {Step} to {Now}", step, now);
        return TypedResults.Ok(new ClockDto(now, Simulated: true));
    }

    private static async Task<Ok<ClockDto>> Set(
        SetClockRequest request, SetClockValidator validator, BillingClock clock, JobScheduler scheduler, ILogger<BillingClock> logger, CancellationToken cancellationToken)
    {
        var time = clock.Simulated!;
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var target = request.Now!.Value;
        if (target < time.GetUtcNow())
        {
            throw new BusinessRuleViolation("clock_backwards", $"The clock only moves forward; it is already {time.GetUtcNow():O}, after {target.ToUniversalTime():O}.");
        }

        var now = await scheduler.ReplayUntilAsync(time, target, cancellationToken);
        logger.LogInformation("Simulated clock set to {Now}", now);
        return TypedResults.Ok(new ClockDto(now, Simulated: true));
    }
}

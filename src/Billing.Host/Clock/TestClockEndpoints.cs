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

internal sealed class AdvanceClockValidator : AbstractValidator<AdvanceClockRequest>
{
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(3660);

    public AdvanceClockValidator() =>
        RuleFor(request => request.By)
            .NotEmpty()
            .Must(by => TestClockEndpoints.TryParseDuration(by, out var step) && step > TimeSpan.Zero && step <= MaxStep)
            .WithMessage("by must be a positive duration of at most ten years, as ISO 8601 (PT1H, P1D) or d.hh:mm:ss.");
}

internal sealed class SetClockValidator : AbstractValidator<SetClockRequest>
{
    public SetClockValidator() => RuleFor(request => request.Now).NotNull();
}

/// <summary>
/// OPS-4: read, set and advance the simulated clock. Moving it runs the scheduled jobs (invoicing
/// cycle, finalization, past due) before answering, so what falls due is visible at once. Mapped only when the server runs with
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
        var now = time.Advance(step);
        logger.LogInformation("Simulated clock advanced by {Step} to {Now}", step, now);
        await scheduler.RunNowAsync(cancellationToken);
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

        var now = time.SetTo(target);
        logger.LogInformation("Simulated clock set to {Now}", now);
        await scheduler.RunNowAsync(cancellationToken);
        return TypedResults.Ok(new ClockDto(now, Simulated: true));
    }
}

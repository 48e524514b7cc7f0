using System.Text.Json;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Metering.Application.Meters.CreateMeter;
using Billing.Metering.Application.Meters.ListMeters;
using Billing.Metering.Application.Usage.RecordUsage;
using Billing.Metering.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Billing.Metering.Web;

/// <summary>MET-1..6 over HTTP.</summary>
public static class MeteringEndpoints
{
    /// <summary>A full batch of 5,000 events with generous properties fits; anything larger is a 413.</summary>
    public const long MaxBatchBodyBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMeteringEndpoints(this IEndpointRouteBuilder app)
    {
        var meters = app.MapGroup("/v1/meters").WithTags("Meters").ProducesProblem(StatusCodes.Status401Unauthorized);
        meters.MapPost("/", CreateMeter).RequireAuthorization(AccessPolicies.Admin)
            .WithName("CreateMeter").WithSummary("Create a meter (admin): aggregation count, sum, max, unique_count or latest over a property")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        meters.MapGet("/", ListMeters).RequireAuthorization(AccessPolicies.Client).WithName("ListMeters").WithSummary("The meters of the environment");

        var events = app.MapGroup("/v1/events").WithTags("Usage events").RequireAuthorization(AccessPolicies.Client)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        events.MapPost("/", RecordOne)
            .WithName("RecordEvent")
            .WithSummary("Record one usage event: 201 accepted, 200 duplicate, 400 rejected (code = reason), 409 id conflict")
            .Produces<UsageEventResultDto>(StatusCodes.Status201Created)
            .Produces<UsageEventResultDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/batch", RecordBatch)
            .WithName("RecordEventBatch")
            .WithSummary($"Record up to {RecordUsageCommand.MaxEvents} events: one result per event, in order; valid events are stored even when others are rejected")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBatchBodyBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/v1/customers/{id}/usage", Usage)
            .WithTags("Usage events")
            .RequireAuthorization(AccessPolicies.Client)
            .WithName("GetCustomerUsage")
            .WithSummary("Aggregated usage per meter in [from, to) — what will be billed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<MeterDto>> CreateMeter(CreateMeterCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var meter = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/meters/{meter.Id}", meter);
    }

    private static async Task<Ok<CursorPage<MeterDto>>> ListMeters(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CursorPage<MeterDto>(await mediator.Send(new ListMetersQuery(), cancellationToken), HasMore: false, NextCursor: null));

    private static async Task<Results<Created<UsageEventResultDto>, Ok<UsageEventResultDto>, ProblemHttpResult>> RecordOne(
        JsonElement body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = (await mediator.Send(new RecordUsageCommand([body]), cancellationToken)).Results[0];
        return result.Status switch
        {
            "accepted" => TypedResults.Created((string?)null, result),
            "duplicate" => TypedResults.Ok(result),
            _ => TypedResults.Problem(
                result.Detail,
                statusCode: result.Reason == "id_conflict" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["code"] = result.Reason, ["eventId"] = result.Id }),
        };
    }

    /// <summary>
    /// The body is read as one JSON document and its events taken from it as they are, rather than
    /// copied into a document each: this runs for every event of every batch.
    /// </summary>
    private static async Task<Results<Ok<UsageBatchResultDto>, ValidationProblem>> RecordBatch(JsonElement body, IMediator mediator, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return BatchShapeProblem("events", "The body must be { \"events\": [ … ] }.");
        }

        foreach (var field in body.EnumerateObject())
        {
            if (field.Name != "events")
            {
                return BatchShapeProblem(field.Name, $"'{field.Name}' is not a field of this request.");
            }
        }

        return TypedResults.Ok(await mediator.Send(new RecordUsageCommand(events.EnumerateArray().ToList()), cancellationToken));
    }

    private static ValidationProblem BatchShapeProblem(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: "The request has invalid fields; see errors.",
            extensions: new Dictionary<string, object?> { ["code"] = "validation_error" });

    private static async Task<Ok<UsageSummaryDto>> Usage(
        string id, string? meter, DateTimeOffset? from, DateTimeOffset? to, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetUsageSummaryQuery(id, meter, from ?? default, to ?? default), cancellationToken));
}

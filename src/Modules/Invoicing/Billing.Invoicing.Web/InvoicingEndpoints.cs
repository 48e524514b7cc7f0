using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Application.Plans.AddPlanVersion;
using Billing.Invoicing.Application.Plans.CreatePlan;
using Billing.Invoicing.Application.Plans.GetPlan;
using Billing.Invoicing.Application.Plans.ListPlans;
using Billing.Invoicing.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Invoicing.Web;

/// <summary>PLN-1..3 over HTTP: admins set prices, clients read them.</summary>
public static class InvoicingEndpoints
{
    public static IEndpointRouteBuilder MapInvoicingEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/v1/plans").WithTags("Plans").ProducesProblem(StatusCodes.Status401Unauthorized);
        plans.MapPost("/", Create).RequireAuthorization(AccessPolicies.Admin)
            .WithName("CreatePlan").WithSummary("Create a plan and its first version (admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/", List).RequireAuthorization(AccessPolicies.Client).WithName("ListPlans").WithSummary("Every plan of the environment");
        plans.MapGet("/{code}", Get).RequireAuthorization(AccessPolicies.Client).WithName("GetPlan").WithSummary("A plan with all its versions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{code}/versions", AddVersion).RequireAuthorization(AccessPolicies.Admin)
            .WithName("AddPlanVersion").WithSummary("Change prices from an effective date on: a new version (admin, audited)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<PlanDto>> Create(CreatePlanCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/plans/{plan.Code}", plan);
    }

    private static async Task<Ok<CursorPage<PlanDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CursorPage<PlanDto>(await mediator.Send(new ListPlansQuery(), cancellationToken), HasMore: false, NextCursor: null));

    private static async Task<Ok<PlanDto>> Get(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPlanQuery(code), cancellationToken));

    private static async Task<Created<PlanDto>> AddVersion(string code, AddPlanVersionCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(command with { PlanCode = code }, cancellationToken);
        return TypedResults.Created($"/v1/plans/{plan.Code}", plan);
    }
}

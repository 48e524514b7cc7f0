using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Application.Balances.GetCustomerBalance;
using Billing.Invoicing.Application.Plans.AddPlanVersion;
using Billing.Invoicing.Application.Plans.CreatePlan;
using Billing.Invoicing.Application.Plans.GetPlan;
using Billing.Invoicing.Application.Plans.GetPlanHistory;
using Billing.Invoicing.Application.Plans.ListPlans;
using Billing.Invoicing.Application.Subscriptions.CancelSubscription;
using Billing.Invoicing.Application.Subscriptions.ChangePlan;
using Billing.Invoicing.Application.Subscriptions.CreateSubscription;
using Billing.Invoicing.Application.Subscriptions.GetSubscription;
using Billing.Invoicing.Application.Subscriptions.GetSubscriptionHistory;
using Billing.Invoicing.Application.Subscriptions.ListSubscriptions;
using Billing.Invoicing.Application.Subscriptions.PreviewUpcomingInvoice;
using Billing.Invoicing.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Invoicing.Web;

/// <summary>PLN-1..7 and INV-12 over HTTP: admins set prices and subscribe customers, clients read and preview.</summary>
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
            .WithName("AddPlanVersion")
            .WithSummary("Change prices from an effective date on: a new version (admin, audited); with \"correction\": true and a reason, a past date corrects the prices billed from then on (PLN-7)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/{code}/history", PlanHistory).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetPlanHistory").WithSummary("Every version and correction of the plan, oldest first: when, which key, prices before and after, why (PLN-7, AUD-1)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/customers/{id}/balance", Balance).RequireAuthorization(AccessPolicies.Client).WithTags("Customers")
            .WithName("GetCustomerBalance")
            .WithSummary("The customer's balance (credit positive) and its ledger, newest first; applied to its next invoices before tax (INV-16)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        var subscriptions = app.MapGroup("/v1/subscriptions").WithTags("Subscriptions").ProducesProblem(StatusCodes.Status401Unauthorized);
        subscriptions.MapPost("/", Subscribe).RequireAuthorization(AccessPolicies.Admin)
            .WithName("CreateSubscription").WithSummary("Put a customer on a plan (admin); collectionMethod charge_automatically or send_invoice")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        subscriptions.MapGet("/", ListSubscriptions).RequireAuthorization(AccessPolicies.Client)
            .WithName("ListSubscriptions").WithSummary("Subscriptions, optionally of one customer (?customer=cus_…)");
        subscriptions.MapGet("/{id}", GetSubscription).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetSubscription").WithSummary("A subscription").ProducesProblem(StatusCodes.Status404NotFound);
        subscriptions.MapPost("/{id}/cancel", Cancel).RequireAuthorization(AccessPolicies.Admin)
            .WithName("CancelSubscription")
            .WithSummary("End a subscription now (the period is cut and invoiced prorated) or at the period end (invoiced as usual); reason required (admin, PLN-5)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        subscriptions.MapPost("/{id}/change-plan", ChangePlan).RequireAuthorization(AccessPolicies.Admin)
            .WithName("ChangeSubscriptionPlan")
            .WithSummary("Move to another plan of the same currency and interval now (the period splits, each part rated by its plan) or at the period end; proration prorate or none (admin, PLN-6)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        subscriptions.MapGet("/{id}/history", SubscriptionHistory).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetSubscriptionHistory").WithSummary("Every change of the subscription, oldest first: when, which key, from, to, why (AUD-1)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        subscriptions.MapGet("/{id}/upcoming-invoice", Preview).RequireAuthorization(AccessPolicies.Client)
            .WithName("PreviewUpcomingInvoice").WithSummary("The current period's invoice so far, rated exactly as the real one will be; not stored")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<SubscriptionDto>> Subscribe(CreateSubscriptionCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var subscription = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/subscriptions/{subscription.Id}", subscription);
    }

    private static async Task<Ok<CursorPage<SubscriptionDto>>> ListSubscriptions(string? customer, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CursorPage<SubscriptionDto>(await mediator.Send(new ListSubscriptionsQuery(customer), cancellationToken), HasMore: false, NextCursor: null));

    private static async Task<Ok<SubscriptionDto>> GetSubscription(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSubscriptionQuery(id), cancellationToken));

    private static async Task<Ok<SubscriptionDto>> ChangePlan(string id, ChangePlanCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { SubscriptionId = id }, cancellationToken));

    private static async Task<Ok<SubscriptionDto>> Cancel(string id, CancelSubscriptionCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { SubscriptionId = id }, cancellationToken));

    private static async Task<Ok<IReadOnlyList<AuditEntryDto>>> SubscriptionHistory(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSubscriptionHistoryQuery(id), cancellationToken));

    private static async Task<Ok<UpcomingInvoiceDto>> Preview(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new PreviewUpcomingInvoiceQuery(id), cancellationToken));

    private static async Task<Created<PlanDto>> Create(CreatePlanCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/plans/{plan.Code}", plan);
    }

    private static async Task<Ok<CursorPage<PlanDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CursorPage<PlanDto>(await mediator.Send(new ListPlansQuery(), cancellationToken), HasMore: false, NextCursor: null));

    private static async Task<Ok<PlanDto>> Get(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPlanQuery(code), cancellationToken));

    private static async Task<Ok<CustomerBalanceDto>> Balance(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCustomerBalanceQuery(id), cancellationToken));

    private static async Task<Ok<IReadOnlyList<AuditEntryDto>>> PlanHistory(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPlanHistoryQuery(code), cancellationToken));

    private static async Task<Created<PlanDto>> AddVersion(string code, AddPlanVersionCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(command with { PlanCode = code }, cancellationToken);
        return TypedResults.Created($"/v1/plans/{plan.Code}", plan);
    }
}

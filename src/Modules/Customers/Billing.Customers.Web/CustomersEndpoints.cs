using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Customers.Application.Customers.ArchiveCustomer;
using Billing.Customers.Application.Customers.DeleteCustomer;
using Billing.Customers.Application.Customers.CreateCustomer;
using Billing.Customers.Application.Customers.GetCustomerHistory;
using Billing.Customers.Application.Customers.ListCustomers;
using Billing.Customers.Application.Customers.UpdateCustomer;
using Billing.Customers.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Customers.Web;

/// <summary>CUS-1, CUS-3, AUD-1 over HTTP: bind, send through MediatR, answer.</summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/v1/customers")
            .WithTags("Customers")
            .RequireAuthorization(AccessPolicies.Client)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        customers.MapPost("/", Create)
            .WithName("CreateCustomer")
            .WithSummary("Create a customer")
            .WithDescription("External id unique per environment; currency (ISO 4217) and external id are fixed once created. taxRate is a percentage (8.25 = 8.25 %). "
                + "?stripe=true makes the Stripe customer (PAY-2) right after: stripeCustomerId appears on the customer within seconds; pass either that or stripeCustomerId.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapGet("/", List)
            .WithName("ListCustomers")
            .WithSummary("List customers, newest first, with cursor pagination")
            .ProducesValidationProblem();
        customers.MapGet("/{id}", Get)
            .WithName("GetCustomer")
            .WithSummary("Get a customer")
            .ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapPatch("/{id}", Update)
            .WithName("UpdateCustomer")
            .WithSummary("Change a customer's profile; absent fields stay, stripeCustomerId \"\" unlinks")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapPost("/{id}/archive", Archive)
            .WithName("ArchiveCustomer")
            .WithSummary("Archive a customer: kept with its history, no future billing cycles")
            .ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapDelete("/{id}", Delete)
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer that has no invoices and no subscriptions (admin, CUS-3); otherwise 409: archive it")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapGet("/{id}/history", History)
            .WithName("GetCustomerHistory")
            .WithSummary("Every change to the customer, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<CustomerDto>> Create(CreateCustomerCommand command, bool? stripe, IMediator mediator, CancellationToken cancellationToken)
    {
        var customer = await mediator.Send(command with { CreateInStripe = stripe == true }, cancellationToken);
        return TypedResults.Created($"/v1/customers/{customer.Id}", customer);
    }

    private static async Task<Ok<CursorPage<CustomerDto>>> List([AsParameters] ListCustomersQuery query, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(query, cancellationToken));

    private static async Task<Ok<CustomerDto>> Get(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCustomerQuery(id), cancellationToken));

    private static async Task<Ok<CustomerDto>> Update(string id, UpdateCustomerCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { CustomerId = id }, cancellationToken));

    private static async Task<Ok<CustomerDto>> Archive(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ArchiveCustomerCommand(id), cancellationToken));

    private static async Task<NoContent> Delete(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteCustomerCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CursorPage<AuditEntryDto>>> History(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        var entries = await mediator.Send(new GetCustomerHistoryQuery(id), cancellationToken);
        return TypedResults.Ok(new CursorPage<AuditEntryDto>(entries, HasMore: false, NextCursor: null));
    }
}

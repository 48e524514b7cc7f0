using Billing.BuildingBlocks.Application.Access;
using Billing.Invoicing.Application.Notifications.Endpoints;
using Billing.Invoicing.Application.Notifications.ListNotifications;
using Billing.Invoicing.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Invoicing.Web;

/// <summary>INV-11: outbound webhook endpoints and the recorded notifications (admin).</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/v1/webhook-endpoints").WithTags("Notifications").RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        endpoints.MapPost("/", Create).WithName("CreateWebhookEndpoint")
            .WithSummary("Add an endpoint for signed outbound webhooks; its secret is returned once").ProducesValidationProblem();
        endpoints.MapGet("/", List).WithName("ListWebhookEndpoints").WithSummary("The environment's webhook endpoints (secrets left out)");
        endpoints.MapDelete("/{id}", Disable).WithName("DisableWebhookEndpoint").WithSummary("Stop sending to an endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/notifications", Notifications).WithTags("Notifications").RequireAuthorization(AccessPolicies.Admin)
            .WithName("ListNotifications").WithSummary("Recorded notifications, newest first (?invoice=inv_…), with their webhook deliveries")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Created<WebhookEndpointDto>> Create(CreateWebhookEndpointCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var endpoint = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/webhook-endpoints/{endpoint.Id}", endpoint);
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookEndpointsQuery(), cancellationToken));

    private static async Task<Ok<WebhookEndpointDto>> Disable(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DisableWebhookEndpointCommand(id), cancellationToken));

    private static async Task<Ok<IReadOnlyList<NotificationDto>>> Notifications(string? invoice, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(invoice), cancellationToken));
}

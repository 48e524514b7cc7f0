using Billing.BuildingBlocks.Application.Access;
using Billing.Payments.Application.Webhooks.ReceiveProviderEvent;
using Billing.Payments.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Payments.Web;

/// <summary>
/// PAY-6: Stripe calls <c>/webhooks/stripe/test</c> or <c>/webhooks/stripe/live</c> (one endpoint
/// per Stripe mode, each with its own signing secret). No API key: the signature is the proof.
/// </summary>
public static class StripeWebhookEndpoints
{
    public static IEndpointRouteBuilder MapStripeWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/webhooks/stripe/{{{ProviderWebhookEndpoint.EnvironmentRouteValue}:regex(^(test|live)$)}}", Receive)
            .AllowAnonymous()
            .WithMetadata(new ProviderWebhookEndpoint("stripe:webhook"))
            .WithTags("Webhooks")
            .WithName("ReceiveStripeWebhook")
            .WithSummary("Stripe events for the environment in the path; verified with its webhook secret (Stripe-Signature, 5-minute tolerance)")
            .WithDescription("invoice.paid, invoice.payment_failed, invoice.voided and invoice.marked_uncollectible update the invoice; "
                + "checkout.session.completed (setup) and setup_intent.succeeded make the card the default. A redelivery changes nothing; other events are acknowledged and ignored.")
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Ok<WebhookReceipt>> Receive(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes sent, so the body is read raw, never re-serialized.
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        var signature = request.Headers["Stripe-Signature"].ToString();
        return TypedResults.Ok(await mediator.Send(new ReceiveProviderWebhookCommand(payload, signature.Length == 0 ? null : signature), cancellationToken));
    }
}

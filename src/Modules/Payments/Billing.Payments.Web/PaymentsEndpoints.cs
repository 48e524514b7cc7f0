using Billing.BuildingBlocks.Application.Access;
using Billing.Payments.Application.Collections.GetInvoicePayment;
using Billing.Payments.Application.Collections.SendInvoice;
using Billing.Payments.Application.Connections.GetStripeConnection;
using Billing.Payments.Application.Connections.SetStripeConnection;
using Billing.Payments.Application.Customers.StartPaymentMethodSetup;
using Billing.Payments.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Payments.Web;

/// <summary>PAY-1, PAY-3, PAY-4 over HTTP: the Stripe connection, payment-method setup, charging and an invoice's payment state.</summary>
public static class PaymentsEndpoints
{
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/v1/settings/payments/stripe").WithTags("Settings").RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        settings.MapGet("/", GetConnection).WithName("GetStripeConnection")
            .WithSummary("Whether the key's environment is connected to Stripe, and from where (api, configuration); never the secrets");
        settings.MapPut("/", SetConnection).WithName("SetStripeConnection")
            .WithSummary("Set the environment's Stripe secret key (sk_test_ in test, sk_live_ in live) and webhook signing secret (whsec_); stored encrypted")
            .ProducesValidationProblem();

        var invoices = app.MapGroup("/v1/invoices").WithTags("Payments").ProducesProblem(StatusCodes.Status401Unauthorized);
        invoices.MapPost("/{id}/charge", Charge).RequireAuthorization(AccessPolicies.Admin).WithName("ChargeInvoice")
            .WithSummary("Send an open invoice to Stripe and collect it (manual invoices; PAY-4), or try again after a failed payment or a send Stripe refused")
            .WithDescription("Answers 202 with the payment state; the Stripe calls run right after. 409 customer_not_linked, stripe_not_configured, invoice_not_chargeable, invoice_being_sent or invoice_already_sent.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapGet("/{id}/payment", GetPayment).RequireAuthorization(AccessPolicies.Client).WithName("GetInvoicePayment")
            .WithSummary("Where the invoice stands in Stripe: not_sent, queued, draft, open, paid, payment_failed, void or uncollectible, with the queued calls")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/v1/customers/{id}/payment-method-setup", StartSetup).RequireAuthorization(AccessPolicies.Client).WithTags("Payments")
            .WithName("StartPaymentMethodSetup")
            .WithSummary("A Stripe Checkout page (setup mode) where the customer enters a card that becomes its default payment method (PAY-3)")
            .WithDescription("Body: { successUrl, cancelUrl? }. Answers { url, expiresAt }. 409 customer_not_linked or stripe_not_configured; 503 when Stripe does not answer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<StripeConnectionDto>> GetConnection(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetStripeConnectionQuery(), cancellationToken));

    private static async Task<Ok<StripeConnectionDto>> SetConnection(SetStripeConnectionCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    private static async Task<Accepted<InvoicePaymentDto>> Charge(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/v1/invoices/{id}/payment", await mediator.Send(new SendInvoiceToProviderCommand(id, ByAdmin: true), cancellationToken));

    private static async Task<Ok<InvoicePaymentDto>> GetPayment(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvoicePaymentQuery(id), cancellationToken));

    private static async Task<Ok<PaymentMethodSetupDto>> StartSetup(string id, StartPaymentMethodSetupCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { CustomerId = id }, cancellationToken));
}

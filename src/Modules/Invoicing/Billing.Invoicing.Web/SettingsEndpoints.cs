using Billing.BuildingBlocks.Application.Access;
using Billing.Invoicing.Application.Settings.GetInvoicingSettings;
using Billing.Invoicing.Application.Settings.UpdateInvoicingSettings;
using Billing.Invoicing.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Invoicing.Web;

/// <summary>INV-2..INV-5 settings of the key's environment (admin).</summary>
public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapInvoicingSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/v1/settings/invoicing").WithTags("Settings").RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        settings.MapGet("/", Get).WithName("GetInvoicingSettings").WithSummary("Close delay, grace period and rules, net terms, late-usage window");
        settings.MapPut("/", Put).WithName("UpdateInvoicingSettings")
            .WithSummary("Change the settings (absent fields keep their value); grace at most 72 hours and shorter than the shortest plan interval")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<InvoicingSettingsDto>> Get(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvoicingSettingsQuery(), cancellationToken));

    private static async Task<Ok<InvoicingSettingsDto>> Put(UpdateInvoicingSettingsCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));
}

using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Paging;
using Billing.Invoicing.Application.Invoices.AddAdjustment;
using Billing.Invoicing.Application.Invoices.CreateManualInvoice;
using Billing.Invoicing.Application.Invoices.Documents;
using Billing.Invoicing.Application.Invoices.ExportInvoices;
using Billing.Invoicing.Application.Invoices.FinalizeInvoice;
using Billing.Invoicing.Application.Invoices.GetInvoiceHistory;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Application.Invoices.MarkUncollectible;
using Billing.Invoicing.Application.Invoices.RegenerateInvoice;
using Billing.Invoicing.Application.Invoices.VoidInvoice;
using Billing.Invoicing.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Billing.Invoicing.Web;

/// <summary>INV-9..INV-14 and API-2 over HTTP: clients browse, admins act.</summary>
public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/v1/invoices").WithTags("Invoices").ProducesProblem(StatusCodes.Status401Unauthorized);
        invoices.MapGet("/", List).RequireAuthorization(AccessPolicies.Client)
            .WithName("ListInvoices").WithSummary("Invoices, newest first: filter by customer, status, date range [from, to); q searches number or customer")
            .ProducesValidationProblem();
        invoices.MapGet("/export.csv", Export).RequireAuthorization(AccessPolicies.Client)
            .WithName("ExportInvoices").WithSummary("The filtered list (same filters as the list, no paging) as CSV, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        invoices.MapGet("/{id}/pdf", Pdf).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetInvoicePdf").WithSummary("A finalized invoice as a PDF (INV-14)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapGet("/{id}/receipt", Receipt).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetInvoiceReceipt").WithSummary("The receipt of a paid invoice as a PDF (INV-14)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapGet("/{id}", Get).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetInvoice").WithSummary("An invoice with its lines and how each was computed").ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapGet("/{id}/history", History).RequireAuthorization(AccessPolicies.Client)
            .WithName("GetInvoiceHistory").WithSummary("Every change of the invoice, oldest first: when, which key, from, to, why (AUD-1)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = invoices.MapGroup("/").RequireAuthorization(AccessPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        admin.MapPost("/", CreateManual).WithName("CreateManualInvoice")
            .WithSummary("Invoice a customer's subscription now for one period, or the current period so far (admin, INV-9)")
            .WithDescription("Meant for the test environment. With a live key the body must carry \"confirmLive\": true; without it the answer is 400 naming confirmLive (ENV-3).");
        admin.MapPost("/{id}/finalize", FinalizeDraft).WithName("FinalizeInvoice").WithSummary("Finalize a draft before its grace period ends (admin)");
        admin.MapPost("/{id}/void", VoidInvoice).WithName("VoidInvoice").WithSummary("Void a finalized invoice; reason required (admin, INV-10)");
        admin.MapPost("/{id}/regenerate", Regenerate).WithName("RegenerateInvoice")
            .WithSummary("Void the invoice and issue a new one for the same period from current rates and usage; reason required (admin, INV-10)");
        admin.MapPost("/{id}/mark-uncollectible", MarkUncollectible).WithName("MarkInvoiceUncollectible")
            .WithSummary("Write an open or past-due invoice off; reason required (admin)");
        admin.MapPost("/{id}/adjustments", Adjust).WithName("AddInvoiceAdjustment")
            .WithSummary("Add a credit (negative) or correction (positive) with a reason to a draft (admin, INV-6)");
        return app;
    }

    private static async Task<Ok<CursorPage<InvoiceSummaryDto>>> List(
        string? customer, string? status, DateTimeOffset? from, DateTimeOffset? to, string? q, int? limit, string? cursor, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListInvoicesQuery(customer, status, from, to, q, limit, cursor), cancellationToken));

    private static async Task<IResult> Export(
        string? customer, string? status, DateTimeOffset? from, DateTimeOffset? to, string? q, IMediator mediator, CancellationToken cancellationToken)
    {
        // Validated before the first byte is written, so a bad filter is still a 400 problem.
        var rows = await mediator.Send(new ExportInvoicesQuery(new ListInvoicesQuery(customer, status, from, to, q, null, null)), cancellationToken);
        return Results.Stream(body => InvoiceCsv.WriteAsync(body, rows, cancellationToken), "text/csv; charset=utf-8", "invoices.csv");
    }

    private static async Task<FileContentHttpResult> Pdf(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        var document = await mediator.Send(new GetInvoiceDocumentQuery(id, Receipt: false), cancellationToken);
        return TypedResults.File(document.Content, "application/pdf", document.FileName);
    }

    private static async Task<FileContentHttpResult> Receipt(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        var document = await mediator.Send(new GetInvoiceDocumentQuery(id, Receipt: true), cancellationToken);
        return TypedResults.File(document.Content, "application/pdf", document.FileName);
    }

    private static async Task<Ok<InvoiceDto>> Get(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvoiceQuery(id), cancellationToken));

    private static async Task<Ok<IReadOnlyList<AuditEntryDto>>> History(string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvoiceHistoryQuery(id), cancellationToken));

    private static async Task<Created<InvoiceDto>> CreateManual(CreateManualInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/v1/invoices/{invoice.Id}", invoice);
    }

    private static async Task<Ok<InvoiceDto>> FinalizeDraft(string id, FinalizeInvoiceCommand? command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send((command ?? new FinalizeInvoiceCommand(null)) with { InvoiceId = id }, cancellationToken));

    private static async Task<Ok<InvoiceDto>> VoidInvoice(string id, VoidInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { InvoiceId = id }, cancellationToken));

    private static async Task<Created<InvoiceDto>> Regenerate(string id, RegenerateInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(command with { InvoiceId = id }, cancellationToken);
        return TypedResults.Created($"/v1/invoices/{invoice.Id}", invoice);
    }

    private static async Task<Ok<InvoiceDto>> MarkUncollectible(string id, MarkUncollectibleCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { InvoiceId = id }, cancellationToken));

    private static async Task<Ok<InvoiceDto>> Adjust(string id, AddAdjustmentCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { InvoiceId = id }, cancellationToken));
}

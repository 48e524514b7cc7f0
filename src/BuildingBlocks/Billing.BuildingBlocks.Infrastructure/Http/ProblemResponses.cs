using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Billing.BuildingBlocks.Infrastructure.Http;

/// <summary>
/// API-1: an error answered outside an endpoint (authentication, request limits) as problem
/// details with a stable <c>code</c>; the host's problem-details customization adds the rest.
/// </summary>
public static class ProblemResponses
{
    public static Task WriteAsync(IProblemDetailsService service, HttpContext context, int status, string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors) { Title = "The request is not valid." };
        problem.Status = status;
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        return service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}

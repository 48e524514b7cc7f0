using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Billing.Host.Http;

/// <summary>
/// API-1: every error is RFC 9457 problem details with a stable <c>code</c> and
/// <c>type = urn:billing:problem:&lt;code&gt;</c>, plus the trace id to quote in a support request.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:billing:problem:";

    /// <summary>Fills in what every problem carries, including those ASP.NET Core writes itself (404, 405).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.TryGetValue("code", out var value) || value is not string code)
        {
            code = CodeFor(status);
            problem.Extensions["code"] = code;
        }

        problem.Type = TypePrefix + code;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (status == StatusCodes.Status404NotFound && problem.Detail is null)
        {
            problem.Detail = $"No route matches {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.";
        }
        else if (status == StatusCodes.Status405MethodNotAllowed && problem.Detail is null)
        {
            problem.Detail = $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.";
        }
    }

    private static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        >= 500 => "internal_error",
        _ => "error",
    };
}

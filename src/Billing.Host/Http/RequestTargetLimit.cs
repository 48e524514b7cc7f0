using Billing.BuildingBlocks.Infrastructure.Http;
namespace Billing.Host.Http;

/// <summary>
/// API-1: a URL longer than the API ever needs is refused with a 414 problem. Kestrel refuses a long
/// request line itself, before the application runs, with an empty body; so Kestrel's own limit is
/// set well above this one (<see cref="ServerLimitBytes"/>) and the refusal normally happens here,
/// where it can say what is wrong. Only a request line past Kestrel's limit still gets its bare 414
/// (docs-adr/0029).
/// </summary>
internal sealed class RequestTargetLimit(RequestDelegate next, IProblemDetailsService problems)
{
    public const int MaxTargetLength = 8 * 1024;

    public const int ServerLimitBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var length = request.PathBase.Value!.Length + request.Path.Value!.Length + request.QueryString.Value!.Length;
        return length <= MaxTargetLength
            ? next(context)
            : ProblemResponses.WriteAsync(problems, context, StatusCodes.Status414UriTooLong, "uri_too_long", $"The URL has {length} characters; this API takes at most {MaxTargetLength}.");
    }
}

using Billing.BuildingBlocks.Infrastructure.Http;
namespace Billing.Host.Http;

/// <summary>
/// API-1: request headers larger than the API ever needs are refused with a 431 problem. As with long
/// URLs (<see cref="RequestTargetLimit"/>), Kestrel's own limit is set above this one, so the refusal
/// normally happens here, where it can say what is wrong (docs-adr/0029).
/// </summary>
internal sealed class RequestHeadersLimit(RequestDelegate next, IProblemDetailsService problems)
{
    public const int MaxHeaderBytes = 32 * 1024;

    public const int ServerLimitBytes = 128 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var size = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            size += name.Length + 4;
            foreach (var value in values)
            {
                size += value?.Length ?? 0;
            }
        }

        return size <= MaxHeaderBytes
            ? next(context)
            : ProblemResponses.WriteAsync(
                problems, context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "request_headers_too_large", $"The request's headers take {size} bytes; this API takes at most {MaxHeaderBytes}.");
    }
}

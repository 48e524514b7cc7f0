using Billing.BuildingBlocks.Infrastructure.Http;

namespace Billing.Host.Http;

/// <summary>
/// API-1: no identifier, filter or search term of this API holds U+0000, and PostgreSQL's text
/// cannot store or compare one; a path or query that decodes to it is refused with a 400 problem
/// naming the character, on every provider, rather than failing deep inside a query.
/// </summary>
internal sealed class NoNulInTarget(RequestDelegate next, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        return request.Path.Value!.Contains('\0', StringComparison.Ordinal)
            || request.QueryString.Value!.Contains("%00", StringComparison.Ordinal)
            ? ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "invalid_character", "The URL holds a NUL character (%00), which no value of this API may contain.")
            : next(context);
    }
}

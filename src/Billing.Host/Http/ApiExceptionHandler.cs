using System.Text.Json;
using System.Text.RegularExpressions;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Http;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

namespace Billing.Host.Http;

/// <summary>
/// Turns every exception into a problem: the client's mistakes into a 4xx naming what is wrong, a
/// command that kept meeting concurrent transactions into a 429 to retry, anything else into a 500
/// that says nothing of the internals (API-1).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var task = exception switch
        {
            ValidationException validation => ProblemResponses.WriteAsync(
                problems, context, StatusCodes.Status400BadRequest, "validation_error", "The request has invalid fields; see errors.", FieldErrors(validation)),
            NotFoundException notFound => ProblemResponses.WriteAsync(problems, context, StatusCodes.Status404NotFound, "not_found", notFound.Message),
            BusinessRuleViolation rule => ProblemResponses.WriteAsync(problems, context, StatusCodes.Status409Conflict, rule.Code, rule.Message),
            RejectedRequestException rejected => ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, rejected.Code, rejected.Message),
            UpstreamUnavailableException upstream => ProblemResponses.WriteAsync(problems, context, StatusCodes.Status503ServiceUnavailable, upstream.Code, upstream.Message),
            TransactionConflictException => Contended(context),
            BadHttpRequestException badRequest => MalformedRequest(context, badRequest),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => Task.CompletedTask,
            _ => Unexpected(context, exception),
        };
        await task;
        return true;
    }

    /// <summary>
    /// docs-adr/0045: every attempt of the command met another transaction changing what it read, and
    /// none of them kept anything. The client retries, as Stripe's clients do on its 429 lock_timeout.
    /// </summary>
    private Task Contended(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return ProblemResponses.WriteAsync(
            problems,
            context,
            StatusCodes.Status429TooManyRequests,
            "lock_timeout",
            "Other requests were changing the same records at the same moment, so nothing of this request was saved; retry it.");
    }

    private Task MalformedRequest(HttpContext context, BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResponses.WriteAsync(problems, context, status, "payload_too_large", exception.Message);
        }

        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return ProblemResponses.WriteAsync(problems, context, status, "unsupported_media_type", "Send the body as JSON with 'Content-Type: application/json'.");
        }

        if (exception.InnerException is JsonException json)
        {
            return InvalidJson(context, json);
        }

        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            var field = CamelCasePath(bind.Groups["name"].Value);
            var detail = $"'{bind.Groups["value"].Value}' is not a valid {field}.";
            return ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "invalid_parameter", detail, new Dictionary<string, string[]> { [field] = [detail] });
        }

        var sendsBody = HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsPut(context.Request.Method);
        if (sendsBody && context.Request.ContentLength is null or 0)
        {
            return ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "body_required", "This route needs a JSON body.");
        }

        return ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "bad_request", exception.Message);
    }

    /// <summary>Names the field for type and unknown-field errors; points at the position for syntax errors.</summary>
    private Task InvalidJson(HttpContext context, JsonException json)
    {
        var field = JsonField(json.Path);
        string detail;
        if (json is NullElementException nullElement)
        {
            field = $"{field}[{nullElement.Index}]";
            detail = $"'{field}' is null; a list takes no null elements.";
        }
        else if (DuplicateProperty().Match(json.Message) is { Success: true } duplicate)
        {
            var name = duplicate.Groups["name"].Value;
            field = field == name || field.EndsWith("." + name, StringComparison.Ordinal) ? field : field == "body" ? name : $"{field}.{name}";
            detail = $"'{name}' appears more than once in one object; send each field once.";
        }
        else if (json.InnerException is InvalidOperationException { Message: var inner } && inner.Contains("UTF-16", StringComparison.Ordinal))
        {
            detail = $"'{field}' holds text that is not valid Unicode (an escaped lone surrogate such as \\ud800).";
        }
        else if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            detail = $"'{field}' is not a field of this request.";
        }
        else if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && field != "body")
        {
            detail = $"'{field}' has the wrong type or format.";
        }
        else if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            detail = "The body must be a JSON object.";
        }
        else
        {
            detail = $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
            field = "body";
        }

        return ProblemResponses.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "invalid_json", detail, new Dictionary<string, string[]> { [field] = [detail] });
    }

    private Task Unexpected(HttpContext context, Exception exception)
    {
        logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        return ProblemResponses.WriteAsync(problems, context, StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong on our side. Quote the traceId if you report it.");
    }

    /// <summary>Errors keyed by the field's JSON path, camelCase (<c>notificationPreferences.pastDue</c>).</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(failure => CamelCasePath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());

    [GeneratedRegex("^Duplicate property '(?<name>[^']*)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex BindFailure();

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string CamelCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

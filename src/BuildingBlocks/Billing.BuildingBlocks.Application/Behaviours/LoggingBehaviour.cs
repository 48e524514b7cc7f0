using System.Diagnostics;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Domain;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Billing.BuildingBlocks.Application.Behaviours;

/// <summary>Outermost behaviour: one structured log line per request, with its outcome and duration.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICommandAttempts attempts)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var requestName = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug("{Request} handled in {ElapsedMs:0.0} ms", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (exception is ValidationException or BusinessRuleViolation or Errors.NotFoundException)
        {
            logger.LogInformation("{Request} refused after {ElapsedMs:0.0} ms: {Reason}", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.Message);
            throw;
        }
        catch (TransactionConflictException) when (attempts.IsRepeat || request is IBatchCommand { Count: > 1 })
        {
            // One repeated attempt of several (UnitOfWorkBehaviour), or a batch its sender splits:
            // only a command that runs out of attempts for good is an error.
            logger.LogDebug("{Request} met a conflicting transaction after {ElapsedMs:0.0} ms; it runs again", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (TransactionConflictException)
        {
            // Every attempt met a conflicting transaction: contention, answered 429 for the caller to retry, not a fault.
            logger.LogWarning("{Request} gave up after {ElapsedMs:0.0} ms: every attempt met a conflicting transaction", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Errors.RejectedRequestException exception)
        {
            // Refused for what it carries (a webhook that does not verify): the caller's mistake or an
            // attacker's, never ours, and anyone can send many; where it matters, the handler logs it.
            logger.LogDebug("{Request} rejected after {ElapsedMs:0.0} ms: {Code}", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.Code);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Request} failed after {ElapsedMs:0.0} ms", requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

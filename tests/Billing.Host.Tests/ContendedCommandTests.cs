using System.Net;
using System.Net.Http.Json;
using Billing.BuildingBlocks.Application.Behaviours;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Host.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>
/// docs-adr/0045, API-1: a command whose every attempt meets a conflicting transaction is answered
/// 429 lock_timeout with Retry-After, as Stripe answers a request that meets a lock; never a 500,
/// and nothing of it is kept. The conflict is planted inside the unit of work of customer creation.
/// </summary>
public sealed class ContendedCommandTests(ContendedCommandTests.AlwaysConflictingFactory factory) : IClassFixture<ContendedCommandTests.AlwaysConflictingFactory>
{
    [Fact]
    public async Task A_command_that_meets_a_conflict_on_every_attempt_is_answered_429_to_retry_and_keeps_nothing()
    {
        var client = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var response = await client.PostAsJsonAsync("/v1/customers", new { externalId = "contended", kind = "company", name = "Contended", currency = "USD" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "lock_timeout");
        problem.Str("detail").ShouldContain("retry");
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(1));
        factory.Attempts.Count.ShouldBe(UnitOfWorkBehaviour<object, object>.MaxAttempts);
        (await client.GetStringAsync("/v1/customers")).ShouldNotContain("contended");
    }

    public sealed class AlwaysConflictingFactory : BillingApiFactory
    {
        public AttemptCounter Attempts { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Attempts);
                services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ConflictOnCustomerCreation<,>));
            });
        }
    }

    public sealed class AttemptCounter
    {
        private int _count;

        public int Count => _count;

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>Registered after the platform's behaviours, so it runs inside the unit of work, where the database's refusal would surface.</summary>
    private sealed class ConflictOnCustomerCreation<TRequest, TResponse>(AttemptCounter attempts) : IPipelineBehavior<TRequest, TResponse>
        where TRequest : notnull
    {
        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            if (typeof(TRequest).Name != "CreateCustomerCommand")
            {
                return next();
            }

            attempts.Add();
            throw new TransactionConflictException(new InvalidOperationException("planted: another transaction changed what this one read"));
        }
    }
}

using System.Collections.Concurrent;
using Billing.BuildingBlocks.Application.Behaviours;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Customers.Application.Customers.CreateCustomer;
using Billing.Customers.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Customers.Tests.Application;

/// <summary>
/// docs-adr/0045: a command whose transaction the database refuses to serialize with another runs
/// again from the start, each time in a fresh scope, so nothing its failed attempt held (an entity
/// added to a repository, a customer read into a cache) reaches the attempt that commits. The
/// refusal is planted here, after the handler ran and before the save, where PostgreSQL's would
/// land; the three-instance test meets real ones.
/// </summary>
public sealed class CommandRepeatTests(CommandRepeatTests.Fixture module) : IClassFixture<CommandRepeatTests.Fixture>
{
    [Fact]
    public async Task A_command_refused_twice_commits_once_from_a_third_fresh_scope()
    {
        var before = await module.CountRowsAsync();
        module.Conflicts.Plant(2);

        var customer = await module.SendAsync(Create("repeated"));

        customer.ExternalId.ShouldBe("repeated");
        (await module.CountRowsAsync()).ShouldBe((before.Customers + 1, before.AuditEntries + 1, before.OutboxMessages + 1));
        module.Conflicts.Scopes.Count.ShouldBe(3);
        module.Conflicts.Scopes.Distinct().Count().ShouldBe(3, "each attempt after the first runs in a scope of its own");
    }

    [Fact]
    public async Task A_command_that_keeps_meeting_conflicts_gives_up_after_its_attempts_and_writes_nothing()
    {
        var before = await module.CountRowsAsync();
        module.Conflicts.Plant(int.MaxValue);

        await Should.ThrowAsync<TransactionConflictException>(() => module.SendAsync(Create("never")));

        module.Conflicts.Scopes.Count.ShouldBe(UnitOfWorkBehaviour<CreateCustomerCommand, object>.MaxAttempts);
        module.Conflicts.Plant(0);
        (await module.CountRowsAsync()).ShouldBe(before);
    }

    private static CreateCustomerCommand Create(string externalId) =>
        new(externalId, "company", "Acme", "billing@acme.test", "USD", 8.25m, null, null);

    public sealed class Fixture : CustomersModuleFixture
    {
        public PlantedConflicts Conflicts { get; } = new();

        /// <summary>The module's unit of work, wrapped so the next planted attempts are refused.</summary>
        protected override void Configure(IServiceCollection services)
        {
            var real = services.Single(service => service.ServiceType == typeof(IUnitOfWork) && Equals(service.ServiceKey, CustomersModule.Name));
            services.Remove(real);
            services.AddKeyedScoped<IUnitOfWork>(CustomersModule.Name, (provider, _) =>
                new RefusedUnitOfWork((IUnitOfWork)ActivatorUtilities.CreateInstance(provider, real.KeyedImplementationType!), Conflicts));
        }
    }

    public sealed class PlantedConflicts
    {
        private int _remaining;

        public ConcurrentQueue<object> Scopes { get; } = new();

        public void Plant(int refusals)
        {
            _remaining = refusals;
            Scopes.Clear();
        }

        public bool RefuseNext() => Interlocked.Decrement(ref _remaining) >= 0;
    }

    private sealed class RefusedUnitOfWork(IUnitOfWork inner, PlantedConflicts conflicts) : IUnitOfWork
    {
        public Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken)
        {
            conflicts.Scopes.Enqueue(this);
            return inner.ExecuteAsync(
                async () =>
                {
                    var result = await work();
                    return conflicts.RefuseNext() ? throw new TransactionConflictException(new InvalidOperationException("planted")) : result;
                },
                cancellationToken);
        }
    }
}

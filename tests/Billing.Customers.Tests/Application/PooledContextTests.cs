using Billing.BuildingBlocks.Domain;
using Billing.Customers.Application.Customers.CreateCustomer;
using Billing.Customers.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Billing.Customers.Tests.Application;

/// <summary>
/// ENV-1 with pooled contexts: a module's context is rented by each scope and returned when the scope
/// ends, so the same instance serves a test caller and then a live one. Each rental must see only
/// its own caller's environment, and nothing the previous rental tracked.
/// </summary>
public sealed class PooledContextTests(CustomersModuleFixture module) : IClassFixture<CustomersModuleFixture>
{
    [Fact]
    public async Task A_context_returned_to_the_pool_serves_the_next_scope_in_that_scopes_environment()
    {
        await module.SendAsync(Create("pooled-test"), BillingEnvironment.Test);
        await module.SendAsync(Create("pooled-live"), BillingEnvironment.Live);

        var instances = new List<CustomersDbContext>();
        foreach (var environment in new[] { BillingEnvironment.Test, BillingEnvironment.Live, BillingEnvironment.Test, BillingEnvironment.Live })
        {
            var (seen, tracked) = await module.ReadAsync(
                async context =>
                {
                    instances.Add(context);
                    var tracked = context.ChangeTracker.Entries().Count();
                    var seen = await context.Customers.Where(customer => customer.ExternalId.StartsWith("pooled-")).Select(customer => customer.ExternalId).ToListAsync();
                    return (seen, tracked);
                },
                environment);

            seen.ShouldBe([environment == BillingEnvironment.Test ? "pooled-test" : "pooled-live"], $"a {environment} scope");
            tracked.ShouldBe(0, "a rented context starts with nothing tracked");
        }

        instances.Distinct().Count().ShouldBeLessThan(instances.Count, "the pool handed an instance out again");
    }

    [Fact]
    public async Task A_context_returned_to_the_pool_forgets_its_caller()
    {
        await module.ReadAsync(context => context.Customers.CountAsync(), BillingEnvironment.Live);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => module.ReadFromThePoolAsync());

        refused.Message.ShouldContain("without a caller");
    }

    private static CreateCustomerCommand Create(string externalId) =>
        new(externalId, "company", "Pooled", "billing@pooled.test", "USD", 0m, null, null);
}

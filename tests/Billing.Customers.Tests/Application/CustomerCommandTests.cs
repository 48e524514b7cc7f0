using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.Customers.Application.Customers.ArchiveCustomer;
using Billing.Customers.Application.Customers.CreateCustomer;
using Billing.Customers.Application.Customers.ListCustomers;
using Billing.Customers.Application.Customers;
using Billing.Customers.Contracts;
using Billing.Customers.Domain.Customers;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Customers.Tests.Application;

/// <summary>Handlers through MediatR, with the real pipeline: validation, unit of work, outbox, audit.</summary>
public sealed class CustomerCommandTests(CustomersModuleFixture module) : IClassFixture<CustomersModuleFixture>
{
    [Fact]
    public async Task Creating_a_customer_writes_it_its_history_and_its_integration_event_together()
    {
        var before = await module.CountRowsAsync();

        var customer = await module.SendAsync(Create("together"));

        (await module.CountRowsAsync()).ShouldBe((before.Customers + 1, before.AuditEntries + 1, before.OutboxMessages + 1));
        var (audit, outbox) = await module.ReadAsync(async context => (
            await context.AuditEntries.SingleAsync(entry => entry.EntityId == customer.Id),
            await context.OutboxMessages.OrderBy(message => message.Sequence).LastAsync()));
        audit.Action.ShouldBe("created");
        audit.Actor.ShouldBe("key_fixture");
        audit.OccurredAt.ShouldBe(CustomersModuleFixture.ClockStart);
        var published = outbox.ToIntegrationEvent().ShouldBeOfType<CustomerCreatedIntegrationEvent>();
        published.CustomerId.ShouldBe(customer.Id);
        published.ExternalId.ShouldBe("together");
    }

    [Fact]
    public async Task A_refused_command_writes_nothing_at_all()
    {
        await module.SendAsync(Create("only-once"));
        var before = await module.CountRowsAsync();

        var violation = await Should.ThrowAsync<BusinessRuleViolation>(() => module.SendAsync(Create("only-once")));

        violation.Code.ShouldBe("customer_exists");
        (await module.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_customer_added_by_any_path_meets_the_unique_key_and_gets_the_same_409_code()
    {
        // The handler does not look first (ADR 0040): two instances, or any path that adds a customer,
        // meet the database's unique key, and its refusal is the documented conflict, not a 500.
        await module.SendAsync(Create("raced"));
        var before = await module.CountRowsAsync();

        var violation = await Should.ThrowAsync<BusinessRuleViolation>(() => module.InUnitOfWorkAsync(services =>
        {
            var profile = new CustomerProfile(CustomerKind.Company, "Acme again", null, 0m, NotificationPreferences.DefaultFor(null), null);
            services.GetRequiredService<ICustomerRepository>().Add(Customer.Create("raced", Currency.FromCode("USD"), profile, CustomersModuleFixture.ClockStart));
            return Task.CompletedTask;
        }));

        violation.Code.ShouldBe("customer_exists");
        violation.Message.ShouldContain("external id");
        violation.Message.ShouldContain("externalId 'raced'");
        (await module.CountRowsAsync()).ShouldBe(before);
        await module.InUnitOfWorkAsync(services =>
        {
            var profile = new CustomerProfile(CustomerKind.Company, "Acme live", null, 0m, NotificationPreferences.DefaultFor(null), null);
            services.GetRequiredService<ICustomerRepository>().Add(Customer.Create("raced", Currency.FromCode("USD"), profile, CustomersModuleFixture.ClockStart));
            return Task.CompletedTask;
        }, BillingEnvironment.Live);
    }

    [Fact]
    public async Task An_invalid_command_never_reaches_its_handler_and_every_field_is_named()
    {
        var before = await module.CountRowsAsync();

        var invalid = await Should.ThrowAsync<ValidationException>(() =>
            module.SendAsync(new CreateCustomerCommand(null, "alien", " ", "nope", "DOLLARS", 250m, null, "acct_1")));

        invalid.Errors.Select(error => error.PropertyName).Distinct()
            .ShouldBe(["ExternalId", "Kind", "Name", "Email", "Currency", "TaxRate", "StripeCustomerId"], ignoreOrder: true);
        (await module.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Each_environment_sees_only_its_own_customers()
    {
        var inTest = await module.SendAsync(Create("env-scoped"));
        var inLive = await module.SendAsync(Create("env-scoped"), BillingEnvironment.Live);

        await Should.ThrowAsync<NotFoundException>(() => module.SendAsync(new GetCustomerQuery(inTest.Id), BillingEnvironment.Live));
        await Should.ThrowAsync<NotFoundException>(() => module.SendAsync(new ArchiveCustomerCommand(inLive.Id)));
        var livePage = await module.SendAsync(new ListCustomersQuery(null, null, "env-scoped", null, null, null), BillingEnvironment.Live);
        livePage.Data.ShouldHaveSingleItem().Id.ShouldBe(inLive.Id);
        var environments = await module.ReadAsync(context => context.Customers.IgnoreQueryFilters()
            .Where(customer => customer.ExternalId == "env-scoped")
            .Select(customer => EF.Property<string>(customer, EnvironmentScope.PropertyName))
            .OrderBy(environment => environment)
            .ToListAsync());
        environments.ShouldBe(["live", "test"]);
    }

    [Fact]
    public async Task Reading_without_a_caller_environment_fails_instead_of_reading_everything()
    {
        var exception = await Should.ThrowAsync<InvalidOperationException>(() => module.ReadUnscopedAsync());

        exception.Message.ShouldContain("ENV-1");
    }

    private static CreateCustomerCommand Create(string externalId) =>
        new(externalId, "company", "Acme", "billing@acme.test", "USD", 8.25m, null, null);
}

using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.Customers.Domain.Customers;

namespace Billing.Customers.Tests.Domain;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_customer_is_active_and_announces_itself()
    {
        var customer = Customer.Create("acme", Currency.EUR, Profile(), Now);

        customer.Id.ShouldStartWith("cus_");
        customer.Status.ShouldBe(CustomerStatus.Active);
        customer.CreatedAt.ShouldBe(Now);
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CustomerCreated(customer.Id, "acme", false, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused(string name)
    {
        var violation = Should.Throw<BusinessRuleViolation>(() => Customer.Create("acme", Currency.USD, Profile() with { Name = name }, Now));

        violation.Code.ShouldBe("invalid_name");
    }

    [Fact]
    public void Email_notifications_need_an_email_address()
    {
        var preferences = new NotificationPreferences(NotificationChannel.None, NotificationChannel.Email, NotificationChannel.None);

        var violation = Should.Throw<BusinessRuleViolation>(() =>
            Customer.Create("acme", Currency.USD, Profile() with { Email = null, NotificationPreferences = preferences }, Now));

        violation.Code.ShouldBe("email_required");
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.0001")]
    [InlineData("8.12345")]
    public void A_tax_rate_outside_0_to_100_percent_or_too_precise_is_refused(string rate)
    {
        var violation = Should.Throw<BusinessRuleViolation>(() =>
            Customer.Create("acme", Currency.USD, Profile() with { TaxRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) }, Now));

        violation.Code.ShouldBe("invalid_tax_rate");
    }

    [Fact]
    public void Archiving_twice_changes_nothing_the_second_time()
    {
        var customer = Customer.Create("acme", Currency.USD, Profile(), Now);
        customer.ClearDomainEvents();

        customer.Archive(Now.AddDays(1)).ShouldBeTrue();
        customer.Archive(Now.AddDays(2)).ShouldBeFalse();

        customer.ArchivedAt.ShouldBe(Now.AddDays(1));
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CustomerArchived>();
    }

    [Fact]
    public void An_archived_customer_cannot_be_changed()
    {
        var customer = Customer.Create("acme", Currency.USD, Profile(), Now);
        customer.Archive(Now);

        Should.Throw<BusinessRuleViolation>(() => customer.Update(Profile() with { Name = "Renamed" }, Now)).Code.ShouldBe("customer_archived");
        customer.Name.ShouldBe("Acme");
    }

    private static CustomerProfile Profile() =>
        new(CustomerKind.Company, "Acme", "billing@acme.test", 8.25m, NotificationPreferences.DefaultFor("billing@acme.test"), null);
}

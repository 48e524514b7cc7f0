using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;

namespace Billing.Customers.Domain.Customers;

/// <summary>
/// A billable entity (CUS-1). Its external id and currency are fixed at creation: usage events
/// name the customer by external id, and every price it is billed in follows its currency.
/// </summary>
internal sealed class Customer : AggregateRoot
{
    public const string IdPrefix = "cus";
    public const int MaxNameLength = 200;
    public const int MaxExternalIdLength = 255;

    private Customer()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string ExternalId { get; private set; } = string.Empty;

    public Currency Currency { get; private set; } = Currency.USD;

    public CustomerKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public decimal TaxRate { get; private set; }

    public NotificationPreferences NotificationPreferences { get; private set; } = NotificationPreferences.DefaultFor(null);

    public string? StripeCustomerId { get; private set; }

    public CustomerStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public CustomerProfile ToProfile() => new(Kind, Name, Email, TaxRate, NotificationPreferences, StripeCustomerId);

    /// <param name="createInStripe">PAY-2: the payment module should make the Stripe customer and link it.</param>
    public static Customer Create(string externalId, Currency currency, CustomerProfile profile, DateTimeOffset now, bool createInStripe = false)
    {
        if (string.IsNullOrWhiteSpace(externalId) || externalId.Length > MaxExternalIdLength)
        {
            throw new BusinessRuleViolation("invalid_external_id", $"An external id has 1 to {MaxExternalIdLength} characters.");
        }

        var customer = new Customer
        {
            Id = OpaqueId.New(IdPrefix, now),
            ExternalId = externalId,
            Currency = currency,
            Status = CustomerStatus.Active,
            CreatedAt = now,
        };
        customer.Apply(profile, now);
        customer.Raise(new CustomerCreated(customer.Id, externalId, createInStripe, now));
        return customer;
    }

    /// <summary>Replaces the profile. Archived customers are read-only: their history must stay as it was.</summary>
    public void Update(CustomerProfile profile, DateTimeOffset now)
    {
        if (Status == CustomerStatus.Archived)
        {
            throw new BusinessRuleViolation("customer_archived", $"Customer {Id} is archived and cannot be changed.");
        }

        Apply(profile, now);
    }

    /// <summary>
    /// PAY-2: the Stripe customer made for this customer is linked. A link set meanwhile (by an
    /// admin) wins: answers false and changes nothing. Allowed on archived customers, whose payments
    /// may still be collected.
    /// </summary>
    public bool LinkStripeCustomer(string stripeCustomerId, DateTimeOffset now)
    {
        if (StripeCustomerId is not null)
        {
            return false;
        }

        StripeCustomerId = stripeCustomerId;
        UpdatedAt = now;
        return true;
    }

    /// <summary>CUS-3. Answers false when it was archived already, so a retried request is harmless.</summary>
    public bool Archive(DateTimeOffset now)
    {
        if (Status == CustomerStatus.Archived)
        {
            return false;
        }

        Status = CustomerStatus.Archived;
        ArchivedAt = now;
        UpdatedAt = now;
        Raise(new CustomerArchived(Id, now));
        return true;
    }

    private void Apply(CustomerProfile profile, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > MaxNameLength)
        {
            throw new BusinessRuleViolation("invalid_name", $"A customer's name has 1 to {MaxNameLength} characters.");
        }

        if (profile.Email is null && profile.NotificationPreferences.UsesEmail)
        {
            throw new BusinessRuleViolation("email_required", "Email notifications need the customer's email address.");
        }

        Kind = profile.Kind;
        Name = profile.Name;
        Email = profile.Email;
        TaxRate = Customers.TaxRate.Require(profile.TaxRate);
        NotificationPreferences = profile.NotificationPreferences;
        StripeCustomerId = profile.StripeCustomerId;
        UpdatedAt = now;
    }
}

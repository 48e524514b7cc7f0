using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain.Time;
using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Subscriptions;
using MediatR;

namespace Billing.Invoicing.Application.Subscriptions.CreateSubscription;

/// <summary>
/// PLN-4: the customer (asked of Customers) and the plan must exist and share a currency, the
/// customer must be active, and a customer is on one plan once.
/// </summary>
internal sealed class CreateSubscriptionHandler(
    ISubscriptionRepository subscriptions, IPlanRepository plans, IInvoicingSettingsRepository settings, IMediator mediator, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreateSubscriptionCommand, SubscriptionDto>
{
    public async Task<SubscriptionDto> Handle(CreateSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var customer = await FindCustomerAsync(command.CustomerId!, cancellationToken);
        var plan = await plans.ReadByCodeAsync(command.PlanCode!, cancellationToken)
            ?? throw FieldError.For("planCode", $"No plan has code '{command.PlanCode}' in this environment.");
        var start = command.StartDate ?? now;
        if (start.StartOfUtcDay() < now.StartOfUtcDay())
        {
            throw FieldError.For("startDate", "A subscription starts today or later; periods already past are not billed again.");
        }

        if (customer.Status != "active")
        {
            throw new BusinessRuleViolation("customer_archived", $"Customer {customer.Id} is archived and takes no new subscription.");
        }

        if (customer.Currency != plan.Currency.Code)
        {
            throw new BusinessRuleViolation("currency_mismatch", $"The customer is billed in {customer.Currency}; plan '{plan.Code}' is priced in {plan.Currency.Code}.");
        }

        // No look-up for an existing subscription: the unique key on (customer, plan) answers it with the
        // same 409 subscription_exists (docs-adr/0040). On PostgreSQL a read before the insert would take a
        // predicate lock on an index page that concurrent creations write to, and make them conflict.
        var collection = WireName.Parse<CollectionMethod>(command.CollectionMethod!);
        var netTerms = command.NetTermsDays
            ?? (collection == CollectionMethod.SendInvoice ? (await settings.GetAsync(cancellationToken)).DefaultNetTermsDays : 0);
        var subscription = Subscription.Create(customer.Id, plan.Id, plan.Interval, start, command.AnchorDay, collection, netTerms, now, command.TrialDays ?? 0);
        subscriptions.Add(subscription);

        var dto = subscription.ToDto(new Dictionary<string, string> { [plan.Id] = plan.Code }, now);
        audit.Record(SubscriptionMapping.AuditEntityType, subscription.Id, "created", AuditChanges.Between(null, dto with { CreatedAt = default }));
        return dto;
    }

    private async Task<CustomerDto> FindCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(new GetCustomerQuery(customerId), cancellationToken);
        }
        catch (NotFoundException)
        {
            throw FieldError.For("customerId", $"No customer '{customerId}' exists in this environment.");
        }
    }
}

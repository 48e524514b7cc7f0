using Billing.Payments.Application.Operations;
using Billing.Payments.Domain.Operations;
using MediatR;

namespace Billing.Payments.Application.Customers.CreateStripeCustomer;

internal sealed class CreateStripeCustomerHandler(IProviderOperationRepository operations, TimeProvider clock) : IRequestHandler<CreateStripeCustomerCommand, bool>
{
    public Task<bool> Handle(CreateStripeCustomerCommand command, CancellationToken cancellationToken) =>
        operations.QueueAsync(ProviderOperationKind.CreateCustomer, command.CustomerId, string.Empty, clock.GetUtcNow(), cancellationToken);
}

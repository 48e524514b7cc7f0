using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Customers.Contracts;

/// <summary>One customer of the caller's environment by Billing id; not found is an error.</summary>
public sealed record GetCustomerQuery(string CustomerId) : IQuery<CustomerDto>;

namespace Billing.Customers.Domain.Customers;

/// <summary>CUS-1: the two kinds of billable entity.</summary>
internal enum CustomerKind
{
    Organization,
    Company,
}

namespace Billing.Customers.Domain.Customers;

internal enum CustomerStatus
{
    Active,

    /// <summary>CUS-3: kept with its history, but no future billing cycles.</summary>
    Archived,
}

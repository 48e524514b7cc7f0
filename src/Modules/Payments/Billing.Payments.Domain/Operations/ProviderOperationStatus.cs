namespace Billing.Payments.Domain.Operations;

internal enum ProviderOperationStatus
{
    Pending,
    Done,

    /// <summary>Refused for good (an invalid request, a missing connection): not retried in a loop (PAY-5).</summary>
    Failed,
}

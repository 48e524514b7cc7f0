namespace Billing.Customers.Contracts;

/// <summary>Channel per billing event: <c>email</c>, <c>webhook</c> or <c>none</c>.</summary>
public sealed record NotificationPreferencesDto(string InvoiceIssued, string PaymentFailed, string PastDue);

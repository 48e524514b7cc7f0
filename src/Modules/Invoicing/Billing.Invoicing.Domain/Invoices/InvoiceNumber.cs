using Billing.BuildingBlocks.Domain;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>
/// INV-7: invoice numbers run 1, 2, 3… per environment with no gap, shown as <c>INV-000042</c> in
/// live and <c>TEST-000042</c> in test, so a test invoice can never pass for a live one.
/// </summary>
internal static class InvoiceNumber
{
    public static string Format(BillingEnvironment environment, long sequence) =>
        $"{(environment == BillingEnvironment.Live ? "INV" : "TEST")}-{sequence:000000}";
}

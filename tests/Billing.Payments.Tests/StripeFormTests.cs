using Billing.Payments.Infrastructure.Stripe;

namespace Billing.Payments.Tests;

/// <summary>Stripe's wire format: form encoding with bracketed keys, booleans and integers as Stripe writes them.</summary>
public sealed class StripeFormTests
{
    [Fact]
    public void Nested_values_use_brackets_and_everything_is_percent_encoded()
    {
        var form = new StripeForm()
            .Add("customer", "cus_123")
            .Add("amount", -1250L)
            .Add("auto_advance", false)
            .Add("description", "Usage: calls & more")
            .Add("skipped", (string?)null)
            .AddMap("metadata", new Dictionary<string, string> { ["billing_invoice_id"] = "inv_1" })
            .AddList("payment_method_types", "card")
            .Add("period[start]", new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        form.Encode().ShouldBe(
            "customer=cus_123&amount=-1250&auto_advance=false&description=Usage%3A%20calls%20%26%20more"
            + "&metadata%5Bbilling_invoice_id%5D=inv_1&payment_method_types%5B0%5D=card&period%5Bstart%5D=1777593600");
    }
}

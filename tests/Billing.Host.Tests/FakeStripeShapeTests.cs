using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Billing.Host.Tests.FakeStripe;
using Stripe;
using Stripe.Checkout;

namespace Billing.Host.Tests;

/// <summary>
/// The fake answers in the shapes of <see cref="FakeStripeServer.ApiVersion"/>, as Stripe.net's own
/// types describe them: every field of every object it returns or sends is one the SDK's type for
/// that object has, nested objects included. Driven through Stripe.net itself.
/// </summary>
public sealed class FakeStripeShapeTests
{
    [Fact]
    public async Task Every_object_and_event_of_a_full_cycle_has_only_fields_Stripe_net_knows()
    {
        await using var stripe = new FakeStripeServer();
        var client = new StripeClient(new StripeClientOptions { ApiKey = FakeStripeServer.SecretKey, ApiBase = stripe.BaseUrl.TrimEnd('/') });
        StripeConfiguration.ApiVersion.ShouldBe(FakeStripeServer.ApiVersion);

        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Name = "Zürich AG", Metadata = new() { ["billing_customer_id"] = "cus_1" } });
        stripe.AddDefaultCard(customer.Id);
        var invoice = await client.V1.Invoices.CreateAsync(new InvoiceCreateOptions { Customer = customer.Id, Currency = "eur", AutoAdvance = false, PendingInvoiceItemsBehavior = "exclude" });
        await client.V1.InvoiceItems.CreateAsync(new InvoiceItemCreateOptions
        {
            Customer = customer.Id, Invoice = invoice.Id, Currency = "eur", Amount = 1250, Description = "Calls",
            Period = new InvoiceItemPeriodOptions { Start = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) },
        });
        await client.V1.Invoices.FinalizeInvoiceAsync(invoice.Id, new InvoiceFinalizeOptions { AutoAdvance = false });
        var paid = await client.V1.Invoices.PayAsync(invoice.Id, new InvoicePayOptions { OffSession = true });
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "setup", Customer = customer.Id, AllowedPaymentMethodTypes = ["card"], SuccessUrl = "https://billing.test/ok", CancelUrl = "https://billing.test/back",
        });
        stripe.CompleteSetup(session.Url);
        var setups = await client.V1.SetupIntents.ListAsync(new SetupIntentListOptions { Customer = customer.Id });

        paid.Status.ShouldBe("paid");
        paid.Lines.Data.ShouldHaveSingleItem().Parent.InvoiceItemDetails.InvoiceItem.ShouldNotBeNullOrEmpty();
        setups.Data.ShouldHaveSingleItem().PaymentMethodId.ShouldNotBeNullOrEmpty();
        var unknown = new List<string>();
        Check(stripe.Object(customer.Id), typeof(Customer), "customer", unknown);
        Check(stripe.Object(invoice.Id), typeof(Invoice), "invoice", unknown);
        Check(stripe.Objects("invoiceitem").ShouldHaveSingleItem(), typeof(InvoiceItem), "invoiceitem", unknown);
        Check(stripe.Object(session.Id), typeof(Session), "checkout.session", unknown);
        Check(stripe.Objects("setup_intent").ShouldHaveSingleItem(), typeof(SetupIntent), "setup_intent", unknown);
        Check(stripe.Objects("payment_method")[0], typeof(PaymentMethod), "payment_method", unknown);
        var (payload, _) = FakeStripeServer.SignedEvent("evt_1", "invoice.paid", stripe.Object(invoice.Id), DateTimeOffset.UtcNow, FakeStripeServer.WebhookSecret);
        var stripeEvent = JsonNode.Parse(payload)!.AsObject();
        ((JsonObject)stripeEvent["data"]!).Remove("object");
        Check(stripeEvent, typeof(Event), "event", unknown);

        unknown.ShouldBeEmpty();
    }

    /// <summary>Adds to <paramref name="unknown"/> every field of <paramref name="json"/> that <paramref name="type"/> does not name, recursing into nested objects and lists.</summary>
    private static void Check(JsonObject json, Type type, string path, List<string> unknown)
    {
        var fields = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(property => (Name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, property.PropertyType))
            .Where(field => field.Name is not null)
            .GroupBy(field => field.Name!)
            .ToDictionary(group => group.Key, group => group.First().PropertyType);
        foreach (var (name, value) in json)
        {
            if (!fields.TryGetValue(name, out var fieldType))
            {
                unknown.Add($"{path}.{name}");
            }
            else if (value is JsonObject nested && EntityOf(fieldType) is { } nestedType)
            {
                if (nestedType.IsGenericType && nestedType.GetGenericTypeDefinition() == typeof(StripeList<>))
                {
                    foreach (var item in nested["data"]!.AsArray().OfType<JsonObject>())
                    {
                        Check(item, nestedType.GetGenericArguments()[0], $"{path}.{name}[]", unknown);
                    }
                }
                else
                {
                    Check(nested, nestedType, $"{path}.{name}", unknown);
                }
            }
        }
    }

    /// <summary>The Stripe entity a field holds (unwrapping expandable fields), or null for maps and scalars.</summary>
    private static Type? EntityOf(Type fieldType)
    {
        if (fieldType.IsGenericType && fieldType.GetGenericTypeDefinition().Name.StartsWith("ExpandableField", StringComparison.Ordinal))
        {
            fieldType = fieldType.GetGenericArguments()[0];
        }

        return typeof(IDictionary).IsAssignableFrom(fieldType) || !typeof(StripeEntity).IsAssignableFrom(fieldType) ? null : fieldType;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Billing.Host.Tests;

/// <summary>PAY-1, PAY-2, PAY-3: keys per environment that never mix, secrets encrypted at rest, linking and card setup.</summary>
public sealed class StripeConnectionTests
{
    [SqliteOnlyFact]
    public async Task A_test_environment_refuses_a_live_key_and_the_reverse_and_secrets_are_stored_encrypted_and_never_shown()
    {
        await using var factory = new BillingApiFactory();
        var test = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var live = factory.ClientWith(BillingApiFactory.LiveAdminKey);
        const string testKey = "sk_test_51ABCdefGHIjklMNOpqrSTUvwx0001";
        const string liveKey = "sk_live_51ABCdefGHIjklMNOpqrSTUvwx0002";

        (await (await test.GetAsync("/v1/settings/payments/stripe")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("source").ShouldBe("none");
        var wrong = await (await test.PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = liveKey, webhookSecret = "whsec_abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        wrong.GetProperty("errors").GetProperty("secretKey")[0].GetString()!.ShouldContain("sk_test_");
        var reverse = await (await live.PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = testKey, webhookSecret = "whsec_abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        reverse.GetProperty("errors").GetProperty("secretKey")[0].GetString()!.ShouldContain("sk_live_");
        var noSecret = await (await test.PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = testKey, webhookSecret = "secret" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        noSecret.GetProperty("errors").GetProperty("webhookSecret").GetArrayLength().ShouldBe(1);
        await (await factory.ClientWith(BillingApiFactory.TestClientKey).PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = testKey, webhookSecret = "whsec_abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var saved = await (await test.PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = testKey, webhookSecret = "whsec_test_signing_secret" }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        (await live.PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = liveKey, webhookSecret = "whsec_live_signing_secret" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        saved.Str("source").ShouldBe("api");
        saved.Str("secretKeyHint").ShouldBe("sk_test_…0001");
        saved.GetRawText().ShouldNotContain(testKey);
        var read = await (await test.GetAsync("/v1/settings/payments/stripe")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read.GetRawText().ShouldNotContain(testKey);
        read.GetRawText().ShouldNotContain("whsec_test_signing_secret");
        (await (await live.GetAsync("/v1/settings/payments/stripe")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("secretKeyHint").ShouldBe("sk_live_…0002");

        // At rest: neither secret is in the database file in clear, in any table.
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(factory.DatabasePath));
        bytes.ShouldNotContain(testKey);
        bytes.ShouldNotContain("whsec_test_signing_secret");
        bytes.ShouldContain("sk_test_…0001");
    }

    [Fact]
    public void A_live_key_configured_for_test_stops_the_host_with_a_message_naming_it()
    {
        using var factory = new MisconfiguredFactory();
        var failure = Should.Throw<OptionsValidationException>(() => factory.CreateClient());
        failure.Message.ShouldContain("Billing:Stripe:Test:SecretKey must be a sk_test_ key");
    }

    [Fact]
    public async Task A_customer_created_with_stripe_true_gets_its_Stripe_customer_once_even_when_Stripe_fails_first()
    {
        using var factory = new StripeApiFactory();
        factory.Stripe.FailFirstAttempt = FakeFailure.ServerError;
        var admin = factory.Admin;

        await (await admin.PostAsJsonAsync("/v1/customers?stripe=true", new { externalId = "both", kind = "company", name = "Both", currency = "USD", stripeCustomerId = "cus_existing" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        var created = await (await admin.PostAsJsonAsync("/v1/customers?stripe=true", new { externalId = "globex", kind = "company", name = "Globex", email = "ap@globex.test", currency = "EUR" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.Str("id");

        var linked = await Eventually.WaitAsync(
            async () => await (await admin.GetAsync($"/v1/customers/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK),
            customer => customer.GetProperty("stripeCustomerId").ValueKind == System.Text.Json.JsonValueKind.String,
            "the Stripe link");
        var stripeCustomer = factory.Stripe.Objects("customer").ShouldHaveSingleItem();
        linked.Str("stripeCustomerId").ShouldBe(stripeCustomer["id"]!.ToString());
        stripeCustomer["name"]!.ToString().ShouldBe("Globex");
        stripeCustomer["email"]!.ToString().ShouldBe("ap@globex.test");
        stripeCustomer["metadata"]!["billing_customer_id"]!.ToString().ShouldBe(id);
        stripeCustomer["metadata"]!["billing_environment"]!.ToString().ShouldBe("test");
        factory.Stripe.Requests.Count(call => call.Path == "/v1/customers").ShouldBe(2);
        factory.Stripe.Requests.Where(call => call.Path == "/v1/customers").Select(call => call.IdempotencyKey).Distinct().ShouldHaveSingleItem()
            .ShouldBe($"billing-test-createcustomer-{id}-customer");
        var history = (await (await admin.GetAsync($"/v1/customers/{id}/history")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        history.ShouldContain(entry => entry.Str("action") == "linked");
    }

    [Fact]
    public async Task Payment_method_setup_returns_a_checkout_url_and_the_entered_card_becomes_the_default()
    {
        using var factory = new StripeApiFactory();
        factory.WithWebhooks();
        var admin = factory.Admin;
        var stripeCustomer = factory.Stripe.CreateCustomer(withDefaultCard: false);
        var linked = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "initech", kind = "company", name = "Initech", currency = "USD", stripeCustomerId = stripeCustomer }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var unlinked = await (await admin.PostAsJsonAsync("/v1/customers", new { externalId = "hooli", kind = "company", name = "Hooli", currency = "USD" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync($"/v1/customers/{unlinked.Str("id")}/payment-method-setup", new { successUrl = "https://example.com/done" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_not_linked");
        await (await admin.PostAsJsonAsync($"/v1/customers/{linked.Str("id")}/payment-method-setup", new { successUrl = "not a url" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await admin.PostAsJsonAsync("/v1/customers/cus_missing/payment-method-setup", new { successUrl = "https://example.com/done" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        var setup = await (await factory.ClientWith(BillingApiFactory.TestClientKey)
            .PostAsJsonAsync($"/v1/customers/{linked.Str("id")}/payment-method-setup", new { successUrl = "https://example.com/done", cancelUrl = "https://example.com/cancel" }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        var url = setup.Str("url");
        url.ShouldStartWith("https://checkout.stripe.com/c/pay/cs_test_");
        setup.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        var session = factory.Stripe.Objects("checkout.session").ShouldHaveSingleItem();
        session["mode"]!.ToString().ShouldBe("setup");
        session["customer"]!.ToString().ShouldBe(stripeCustomer);

        factory.Stripe.CompleteSetup(url);

        var customer = await Eventually.WaitAsync(
            () => Task.FromResult(factory.Stripe.Object(stripeCustomer)),
            found => found["invoice_settings"]!["default_payment_method"] is not null,
            "the card to become the default");
        customer["invoice_settings"]!["default_payment_method"]!.ToString().ShouldStartWith("pm_");
        factory.Stripe.Requests.Count(call => call.Method == "POST" && call.Path == $"/v1/customers/{stripeCustomer}").ShouldBe(1);
    }

    private sealed class MisconfiguredFactory : BillingApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Billing:Stripe:Test:SecretKey"] = "sk_live_51ABCdefGHIjklMNOpqrSTUvwx0002";
            return settings;
        }
    }
}

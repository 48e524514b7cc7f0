using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Billing.Host.Tests.FakeStripe;
using Billing.Host.Tests.Support;
using Billing.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Host.Tests;

/// <summary>
/// Secrets at rest and outbound calls (docs-adr/0031): endpoint secrets encrypted like the Stripe
/// keys, a key ring encrypted with a master key from configuration (and a warning when it is not),
/// webhooks only to public https addresses unless allowed, refused Stripe webhooks logged quietly.
/// </summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task A_webhook_endpoint_secret_is_stored_encrypted_and_still_signs_deliveries()
    {
        await using var receiver = new WebhookReceiver(200);
        await using var factory = new BillingApiFactory();
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var endpoint = await (await admin.PostAsJsonAsync("/v1/webhook-endpoints", new { url = receiver.Url })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var secret = endpoint.Str("secret");
        secret.ShouldStartWith("whsec_");

        var stored = await StoredSecretAsync(factory.DatabasePath, endpoint.Str("id"));
        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(secret["whsec_".Length..]);
        stored.Length.ShouldBeGreaterThan(secret.Length);
    }

    [Fact]
    public async Task With_a_master_key_the_key_ring_in_the_database_is_encrypted_and_another_instance_reads_the_secrets_back()
    {
        var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?> { ["Billing:DataProtection:MasterKey"] = masterKey };
        await using var first = new BillingApiFactory().With(settings);
        await (await first.ClientWith(BillingApiFactory.TestAdminKey).PutAsJsonAsync("/v1/settings/payments/stripe", new { secretKey = "sk_test_abcdefghijklmnop", webhookSecret = "whsec_abc" }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        first.Logs.Entries.ShouldNotContain(entry => entry.ContainsKey("KeyRing") && (LogLevel)entry[CapturedLogs.Level]! == LogLevel.Warning);

        var xml = (await KeyRingRowsAsync(first.DatabasePath)).ShouldHaveSingleItem();
        xml.ShouldContain("encryptedSecret");
        xml.ShouldNotContain("<value>", customMessage: "the key itself is not in the database in plain text");

        // Another instance on the same database, with the same master key and no key files, reads the stored Stripe keys back (ADR 0042).
        await using var second = new BillingApiFactory { DatabasePath = first.DatabasePath }.With(settings);
        await (await PostWebhookAsync(second, "whsec_abc")).ShouldBeJsonAsync(HttpStatusCode.OK);
        (await KeyRingRowsAsync(first.DatabasePath)).Count.ShouldBe(1, "the instances share one key");
    }

    [Fact]
    public async Task A_key_ring_kept_in_files_before_is_imported_once_and_what_it_protected_still_decrypts()
    {
        var folder = Directory.CreateTempSubdirectory("billing-keys").FullName;
        var before = DataProtectionProvider.Create(new DirectoryInfo(folder), protection => protection.SetApplicationName("Billing"));
        var protectedBefore = before.CreateProtector("Billing.Tests").Protect("stored before the move");
        var file = Directory.GetFiles(folder, "*.xml").ShouldHaveSingleItem();

        await using var factory = new BillingApiFactory().With(new Dictionary<string, string?> { ["Billing:DataProtection:KeysPath"] = folder });
        _ = factory.CreateClient();

        (await KeyRingRowsAsync(factory.DatabasePath)).ShouldHaveSingleItem().ShouldContain(System.Xml.Linq.XElement.Load(file).Attribute("id")!.Value);
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Billing.Tests").Unprotect(protectedBefore).ShouldBe("stored before the move");
        factory.Logs.Entries.ShouldContain(entry => entry.ContainsKey("KeysPath") && (LogLevel)entry[CapturedLogs.Level]! == LogLevel.Warning);

        await using var again = new BillingApiFactory { DatabasePath = factory.DatabasePath }.With(new Dictionary<string, string?> { ["Billing:DataProtection:KeysPath"] = folder });
        _ = again.CreateClient();
        (await KeyRingRowsAsync(factory.DatabasePath)).Count.ShouldBe(1, "imported once");
    }

    [Fact]
    public async Task Without_a_master_key_the_host_warns_at_start_that_the_key_ring_is_not_encrypted()
    {
        await using var factory = new BillingApiFactory();
        _ = factory.CreateClient();

        var warning = factory.Logs.Entries.Where(entry => entry.ContainsKey("KeyRing")).ShouldHaveSingleItem();
        ((LogLevel)warning[CapturedLogs.Level]!).ShouldBe(LogLevel.Warning);
        warning["Setting"].ShouldBe("Billing:DataProtection:MasterKey");
    }

    private static async Task<List<string>> KeyRingRowsAsync(string databasePath) =>
        (await TestDatabases.RowsAsync(databasePath, $"SELECT xml FROM {TestDatabases.Table("platform", "data_protection_keys")} ORDER BY id"))
            .Select(row => (string)row[0]!).ToList();

    [Theory]
    [InlineData("http://example.com/hooks", "https")]
    [InlineData("https://127.0.0.1/hooks", "127.0.0.1")]
    [InlineData("https://localhost:8443/hooks", "localhost")]
    [InlineData("https://10.1.2.3/hooks", "10.1.2.3")]
    [InlineData("https://172.20.0.1/hooks", "172.20.0.1")]
    [InlineData("https://192.168.1.10/hooks", "192.168.1.10")]
    [InlineData("https://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("https://[::1]/hooks", "::1")]
    [InlineData("https://[fd00::1]/hooks", "fd00::1")]
    [InlineData("https://0.0.0.0/hooks", "0.0.0.0")]
    public async Task Webhook_endpoints_on_loopback_private_or_plain_http_are_refused_unless_allowed(string url, string named)
    {
        await using var factory = new BillingApiFactory().With(new Dictionary<string, string?> { ["Billing:Webhooks:AllowPrivateTargets"] = "false" });
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);

        var refused = await (await admin.PostAsJsonAsync("/v1/webhook-endpoints", new { url })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        refused.GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain(named);
        (await (await admin.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "https://93.184.216.34/hooks" })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .Str("url").ShouldBe("https://93.184.216.34/hooks");
    }

    [Fact]
    public async Task Refused_stripe_webhooks_are_logged_as_one_warning_without_a_stack_trace_however_many_arrive()
    {
        using var factory = new StripeApiFactory();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await (await PostWebhookAsync(factory, "whsec_forged")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        }

        var entries = factory.Logs.Entries;
        entries.ShouldNotContain(entry => (LogLevel)entry[CapturedLogs.Level]! >= LogLevel.Error);
        var refusals = entries.Where(entry => entry.ContainsKey("Unlogged")).ToList();
        refusals.ShouldHaveSingleItem()[CapturedLogs.Level].ShouldBe(LogLevel.Warning);
        refusals[0][CapturedLogs.Exception].ShouldBeNull();
        refusals[0]["Code"].ShouldBe("invalid_signature");
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(BillingApiFactory factory, string signingSecret)
    {
        var now = DateTimeOffset.UtcNow;
        var (payload, _) = FakeStripeServer.SignedEvent("evt_" + Guid.NewGuid().ToString("N"), "customer.created", new() { ["id"] = "cus_x", ["object"] = "customer" }, now, signingSecret);
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", FakeStripeServer.Sign(payload, now, signingSecret));
        return await factory.CreateClient().PostAsync("/webhooks/stripe/test", content);
    }

    private static async Task<string> StoredSecretAsync(string databasePath, string endpointId) =>
        (string)(await TestDatabases.RowsAsync(databasePath, $"SELECT secret FROM {TestDatabases.Table("invoicing", "webhook_endpoints")} WHERE id = '{endpointId}'"))
            .ShouldHaveSingleItem()[0]!;
}

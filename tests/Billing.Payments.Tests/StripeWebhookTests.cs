using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Billing.Payments.Application.Provider;
using Billing.Payments.Infrastructure.Stripe;

namespace Billing.Payments.Tests;

/// <summary>PAY-6 through Stripe.net: Stripe-Signature exactly as Stripe documents it, at the edges of its rules, and the event read in Billing's terms.</summary>
public sealed class StripeWebhookTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload =
        """{"id":"evt_1","object":"event","api_version":"2026-10-28.endive","created":1780315200,"type":"invoice.paid","data":{"object":{"id":"in_1","object":"invoice","attempt_count":1,"metadata":{"billing_invoice_id":"inv_9"}}}}""";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    [Fact]
    public void A_signature_over_the_timestamp_and_the_raw_body_with_the_whole_secret_verifies_and_the_event_is_read()
    {
        var (read, version) = StripeWebhook.Read(Payload, Header(Now, Secret), Secret, Now, Tolerance);

        var paid = read.ShouldBeOfType<ProviderInvoiceEvent>();
        paid.Kind.ShouldBe(ProviderInvoiceEventKind.Paid);
        paid.ProviderInvoiceId.ShouldBe("in_1");
        paid.BillingInvoiceId.ShouldBe("inv_9");
        paid.OccurredAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1780315200));
        version.ShouldBe("2026-10-28.endive");
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    public void The_timestamp_may_be_at_most_five_minutes_away_either_way(int secondsAgo, bool accepted)
    {
        var header = Header(Now.AddSeconds(-secondsAgo), Secret);
        if (accepted)
        {
            Should.NotThrow(() => StripeWebhook.Read(Payload, header, Secret, Now, Tolerance));
        }
        else
        {
            Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(Payload, header, Secret, Now, Tolerance)).Message.ShouldContain("tolerance");
        }
    }

    [Fact]
    public void Any_of_several_v1_signatures_may_match_as_while_a_secret_is_rolled()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var header = $"t={timestamp},v1={Hex("whsec_old", timestamp, Payload)},v0=ignored,v1={Hex(Secret, timestamp, Payload)}";
        Should.NotThrow(() => StripeWebhook.Read(Payload, header, Secret, Now, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=1780315200")]
    [InlineData("t=not-a-number,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_header_without_a_timestamp_or_a_v1_signature_is_refused(string? header) =>
        Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(Payload, header, Secret, Now, Tolerance));

    [Fact]
    public void Another_secret_or_a_changed_body_does_not_verify()
    {
        Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(Payload, Header(Now, "whsec_other"), Secret, Now, Tolerance));
        Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(Payload + " ", Header(Now, Secret), Secret, Now, Tolerance));
        Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(Payload, Header(Now, Secret).ToUpperInvariant(), Secret, Now, Tolerance));
    }

    [Fact]
    public void An_event_of_an_older_api_version_is_read_all_the_same_ADR_0037()
    {
        // 2023-08-16's invoice: `paid`, `payment_intent` and invoice-item lines, gone from today's shape.
        const string older =
            """{"id":"evt_2","object":"event","api_version":"2023-08-16","created":1780315200,"type":"invoice.payment_failed","data":{"object":{"id":"in_2","object":"invoice","paid":false,"payment_intent":"pi_1","attempt_count":3,"lines":{"object":"list","data":[{"id":"ii_1","object":"line_item","type":"invoiceitem","price":{"id":"price_1","object":"price"}}]},"metadata":{"billing_invoice_id":"inv_2"}}}}""";

        var (read, version) = StripeWebhook.Read(older, Header(Now, Secret, older), Secret, Now, Tolerance);

        version.ShouldBe("2023-08-16");
        var failed = read.ShouldBeOfType<ProviderInvoiceEvent>();
        failed.Kind.ShouldBe(ProviderInvoiceEventKind.PaymentFailed);
        failed.BillingInvoiceId.ShouldBe("inv_2");
        failed.FailureMessage.ShouldBe("Stripe could not collect invoice in_2 (attempt 3).");
    }

    [Theory]
    [InlineData("""{"id":"evt_3","id":"evt_4","object":"event","type":"invoice.paid","data":{"object":{"id":"in_1","object":"invoice"}}}""", "repeats a key")]
    [InlineData("""{"id":"evt_3","object":"event","type":"invoice.paid","data":{"object":{"id":"in_\ud800","object":"invoice"}}}""", "not valid Unicode")]
    [InlineData("""{"id":3,"object":"event","type":"invoice.paid","data":[]}""", "not a Stripe event")]
    [InlineData("""{"object":"event","type":"invoice.paid","data":{"object":{"id":"in_1","object":"invoice"}}}""", "not a Stripe event")]
    public void A_signed_body_that_breaks_the_json_rules_or_is_no_event_is_refused(string body, string reason) =>
        Should.Throw<InvalidWebhookException>(() => StripeWebhook.Read(body, Header(Now, Secret, body), Secret, Now, Tolerance)).Message.ShouldContain(reason);

    [Theory]
    [InlineData("setup_intent.succeeded", """{"id":"seti_1","object":"setup_intent","customer":"cus_1","status":"succeeded"}""", "seti_1")]
    [InlineData("checkout.session.completed", """{"id":"cs_1","object":"checkout.session","mode":"setup","customer":"cus_1","setup_intent":"seti_2"}""", "seti_2")]
    public void A_completed_setup_is_read_from_either_event_PAY_3(string type, string subject, string setupId)
    {
        var body = $$$"""{"id":"evt_5","object":"event","type":"{{{type}}}","data":{"object":{{{subject}}}}}""";

        var setup = StripeWebhook.Read(body, Header(Now, Secret, body), Secret, Now, Tolerance).Event.ShouldBeOfType<ProviderSetupCompleted>();

        setup.SetupId.ShouldBe(setupId);
        setup.ProviderCustomerId.ShouldBe("cus_1");
    }

    [Fact]
    public void An_event_Billing_does_not_act_on_is_acknowledged_and_ignored()
    {
        const string body = """{"id":"evt_6","object":"event","type":"customer.updated","data":{"object":{"id":"cus_1","object":"customer"}}}""";

        StripeWebhook.Read(body, Header(Now, Secret, body), Secret, Now, Tolerance).Event.ShouldBeOfType<IgnoredProviderEvent>().Type.ShouldBe("customer.updated");
    }

    private static string Header(DateTimeOffset signedAt, string secret, string payload = Payload)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Hex(secret, timestamp, payload)}";
    }

    private static string Hex(string secret, string timestamp, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
}

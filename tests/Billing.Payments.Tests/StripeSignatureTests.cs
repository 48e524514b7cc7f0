using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Billing.Payments.Application.Provider;
using Billing.Payments.Infrastructure.Stripe;

namespace Billing.Payments.Tests;

/// <summary>PAY-6: Stripe-Signature exactly as Stripe documents it, at the edges of its rules.</summary>
public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_1","type":"invoice.paid"}""";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    [Fact]
    public void A_signature_over_the_timestamp_and_the_raw_body_with_the_whole_secret_verifies() =>
        Should.NotThrow(() => StripeSignature.Verify(Payload, Header(Now, Secret), Secret, Now, Tolerance));

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
            Should.NotThrow(() => StripeSignature.Verify(Payload, header, Secret, Now, Tolerance));
        }
        else
        {
            Should.Throw<InvalidWebhookException>(() => StripeSignature.Verify(Payload, header, Secret, Now, Tolerance)).Message.ShouldContain("tolerance");
        }
    }

    [Fact]
    public void Any_of_several_v1_signatures_may_match_as_while_a_secret_is_rolled()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var header = $"t={timestamp},v1={Hex("whsec_old", timestamp)},v0=ignored,v1={Hex(Secret, timestamp)}";
        Should.NotThrow(() => StripeSignature.Verify(Payload, header, Secret, Now, Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=1780315200")]
    [InlineData("t=not-a-number,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_header_without_a_timestamp_or_a_v1_signature_is_refused(string? header) =>
        Should.Throw<InvalidWebhookException>(() => StripeSignature.Verify(Payload, header, Secret, Now, Tolerance));

    [Fact]
    public void Another_secret_or_a_changed_body_does_not_verify()
    {
        Should.Throw<InvalidWebhookException>(() => StripeSignature.Verify(Payload, Header(Now, "whsec_other"), Secret, Now, Tolerance));
        Should.Throw<InvalidWebhookException>(() => StripeSignature.Verify(Payload + " ", Header(Now, Secret), Secret, Now, Tolerance));
        Should.Throw<InvalidWebhookException>(() => StripeSignature.Verify(Payload, Header(Now, Secret).ToUpperInvariant(), Secret, Now, Tolerance));
    }

    private static string Header(DateTimeOffset signedAt, string secret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Hex(secret, timestamp)}";
    }

    private static string Hex(string secret, string timestamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{Payload}")));
}

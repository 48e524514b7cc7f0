using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Billing.Payments.Application.Provider;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// PAY-6, as Stripe documents it: <c>Stripe-Signature: t=…,v1=…[,v1=…]</c>; the signed payload is
/// <c>"{t}.{raw body}"</c>, HMAC-SHA256 keyed with the whole <c>whsec_…</c> secret, lowercase hex.
/// Accepted when any v1 matches (Stripe signs with old and new secrets while one is rolled),
/// compared in constant time, and the timestamp is within the tolerance either way.
/// </summary>
internal static class StripeSignature
{
    public static void Verify(string payload, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new InvalidWebhookException("The Stripe-Signature header is missing.");
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            var (name, value) = (pair[0].Trim(), pair[1].Trim());
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (name == "v1" && TryHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            throw new InvalidWebhookException("The Stripe-Signature header has no timestamp or no v1 signature.");
        }

        var expected = Compute(secret, timestamp.Value, payload);
        if (!signatures.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected)))
        {
            throw new InvalidWebhookException("No v1 signature matches the payload with this environment's webhook secret.");
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value)).Duration() > tolerance)
        {
            throw new InvalidWebhookException($"The signature's timestamp is outside the {tolerance.TotalSeconds:0}-second tolerance.");
        }
    }

    /// <summary>The v1 signature of a payload; the fake Stripe of the tests signs with the same formula.</summary>
    public static byte[] Compute(string secret, long timestamp, string payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}"));

    private static bool TryHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

using Billing.BuildingBlocks.Domain;

namespace Billing.Payments.Domain.Connections;

/// <summary>
/// PAY-1: live and test never mix. A test environment talks to Stripe with a <c>sk_test_</c> key
/// only, live with a <c>sk_live_</c> key only (restricted <c>rk_</c> keys follow the same rule).
/// </summary>
internal static class StripeKeys
{
    public static string RequiredPrefix(BillingEnvironment environment) =>
        environment == BillingEnvironment.Live ? "sk_live_" : "sk_test_";

    public static bool Fits(BillingEnvironment environment, string secretKey)
    {
        var mode = environment == BillingEnvironment.Live ? "live" : "test";
        return secretKey.StartsWith($"sk_{mode}_", StringComparison.Ordinal) || secretKey.StartsWith($"rk_{mode}_", StringComparison.Ordinal);
    }

    public static void EnsureFits(BillingEnvironment environment, string secretKey)
    {
        if (!Fits(environment, secretKey))
        {
            throw new BusinessRuleViolation(
                "stripe_key_environment_mismatch",
                $"The {environment.ToString().ToLowerInvariant()} environment takes a {RequiredPrefix(environment)} key; live and test never mix (PAY-1).");
        }
    }

    /// <summary>What may be shown of a key: its mode and last four characters.</summary>
    public static string Hint(string secretKey) =>
        secretKey.Length <= 12 ? "…" : $"{secretKey[..8]}…{secretKey[^4..]}";
}

using Billing.BuildingBlocks.Domain;
using Billing.Payments.Domain.Connections;
using Microsoft.Extensions.Options;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>PAY-1 at start: a live key configured for test (or the reverse) stops the host with a message saying so.</summary>
internal sealed class StripeOptionsValidation : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        var failures = new List<string>();
        Check(BillingEnvironment.Test, options.Test, failures);
        Check(BillingEnvironment.Live, options.Live, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(BillingEnvironment environment, StripeKeysOptions keys, List<string> failures)
    {
        var section = $"{StripeOptions.Section}:{environment}";
        if (!string.IsNullOrEmpty(keys.SecretKey) && !StripeKeys.Fits(environment, keys.SecretKey))
        {
            failures.Add($"{section}:SecretKey must be a {StripeKeys.RequiredPrefix(environment)} key; live and test never mix (PAY-1).");
        }

        if (!string.IsNullOrEmpty(keys.WebhookSecret) && !keys.WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            failures.Add($"{section}:WebhookSecret must be a Stripe webhook signing secret (whsec_…).");
        }
    }
}

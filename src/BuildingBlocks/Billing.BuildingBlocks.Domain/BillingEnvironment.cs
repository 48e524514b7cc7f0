namespace Billing.BuildingBlocks.Domain;

/// <summary>ENV-1: every record belongs to exactly one environment; nothing crosses.</summary>
public enum BillingEnvironment
{
    Live,
    Test,
}

public static class BillingEnvironments
{
    public const string LiveName = "live";
    public const string TestName = "test";

    public static string ToWireName(this BillingEnvironment environment) => environment switch
    {
        BillingEnvironment.Live => LiveName,
        BillingEnvironment.Test => TestName,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, null),
    };

    public static bool TryParse(string? value, out BillingEnvironment environment)
    {
        switch (value)
        {
            case LiveName:
                environment = BillingEnvironment.Live;
                return true;
            case TestName:
                environment = BillingEnvironment.Test;
                return true;
            default:
                environment = default;
                return false;
        }
    }

    public static BillingEnvironment Parse(string value) =>
        TryParse(value, out var environment)
            ? environment
            : throw new FormatException($"'{value}' is not an environment; expected 'live' or 'test'.");
}

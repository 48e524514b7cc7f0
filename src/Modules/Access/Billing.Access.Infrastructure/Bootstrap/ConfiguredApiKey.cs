namespace Billing.Access.Infrastructure.Bootstrap;

/// <summary>One entry of <c>Billing:ApiKeys</c> (OPS-5): a key accepted from configuration.</summary>
internal sealed class ConfiguredApiKey
{
    public string? Key { get; set; }

    public string? Environment { get; set; }

    public string? Role { get; set; }

    public string? Name { get; set; }
}

using System.Net;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>ENV-4: a first start with no keys configured creates one admin key per environment and shows it once.</summary>
public sealed class BootstrapTests(BootstrapTests.UnconfiguredFactory factory) : IClassFixture<BootstrapTests.UnconfiguredFactory>
{
    [Fact]
    public async Task A_first_start_without_keys_logs_one_working_admin_key_per_environment()
    {
        _ = factory.Server;
        var entry = factory.Logs.Entries.Single(values => values.ContainsKey("LiveKey"));
        var live = (string)entry["LiveKey"]!;
        var test = (string)entry["TestKey"]!;
        live.ShouldStartWith("bk_live_");
        test.ShouldStartWith("bk_test_");

        var liveKeys = await (await factory.ClientWith(live).GetAsync("/v1/api-keys")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var testKeys = await (await factory.ClientWith(test).GetAsync("/v1/api-keys")).ShouldBeJsonAsync(HttpStatusCode.OK);
        liveKeys.GetProperty("data")[0].Str("source").ShouldBe("bootstrap");
        liveKeys.GetProperty("data")[0].Str("environment").ShouldBe("live");
        testKeys.GetProperty("data")[0].Str("environment").ShouldBe("test");
    }

    public sealed class UnconfiguredFactory : BillingApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            foreach (var key in settings.Keys.Where(key => key.StartsWith("Billing:ApiKeys", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(key);
            }

            return settings;
        }
    }
}

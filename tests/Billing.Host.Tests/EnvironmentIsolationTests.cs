using System.Net;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>ENV-1: a test key never reads, writes or counts live data, and the reverse.</summary>
public sealed class EnvironmentIsolationTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private readonly HttpClient _test = factory.ClientWith(BillingApiFactory.TestClientKey);
    private readonly HttpClient _live = factory.ClientWith(BillingApiFactory.LiveClientKey);

    [Fact]
    public async Task A_customer_created_with_a_test_key_is_invisible_to_a_live_key()
    {
        var created = await (await _test.PostAsJsonAsync("/v1/customers", Customer("isolated-1"))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.Str("id");
        created.Str("environment").ShouldBe("test");

        await (await _live.GetAsync($"/v1/customers/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _live.PatchAsJsonAsync($"/v1/customers/{id}", new { name = "hijacked" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _live.PostAsync($"/v1/customers/{id}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _live.GetAsync($"/v1/customers/{id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var liveList = await (await _live.GetAsync("/v1/customers?externalId=isolated-1")).ShouldBeJsonAsync(HttpStatusCode.OK);
        liveList.GetProperty("data").GetArrayLength().ShouldBe(0);
        (await (await _test.GetAsync($"/v1/customers/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("name").ShouldBe("Isolated Ltd");
    }

    [Fact]
    public async Task The_same_external_id_exists_once_in_each_environment()
    {
        var inTest = await (await _test.PostAsJsonAsync("/v1/customers", Customer("shared-ext"))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var inLive = await (await _live.PostAsJsonAsync("/v1/customers", Customer("shared-ext"))).ShouldBeJsonAsync(HttpStatusCode.Created);

        inTest.Str("id").ShouldNotBe(inLive.Str("id"));
        inLive.Str("environment").ShouldBe("live");
    }

    [Fact]
    public async Task A_duplicate_external_id_within_one_environment_is_a_409_problem()
    {
        (await _live.PostAsJsonAsync("/v1/customers", Customer("dup-ext"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var problem = await (await _live.PostAsJsonAsync("/v1/customers", Customer("dup-ext"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "customer_exists");
        problem.Str("detail").ShouldContain("dup-ext");
        var list = await (await _live.GetAsync("/v1/customers?externalId=dup-ext")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    private static object Customer(string externalId) =>
        new { externalId, kind = "company", name = "Isolated Ltd", currency = "EUR" };
}

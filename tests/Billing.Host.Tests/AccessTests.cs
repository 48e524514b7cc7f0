using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>ENV-2: keys carry an environment and a role; 401 without a valid key, 403 for a client key on admin routes.</summary>
public sealed class AccessTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [Fact]
    public async Task A_request_without_a_key_is_refused_with_401()
    {
        var response = await factory.ClientWith(null).GetAsync("/v1/customers");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.Str("detail").ShouldContain("Authorization: Bearer");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401_saying_so()
    {
        var response = await factory.ClientWith("not-a-key-that-exists-anywhere").GetAsync("/v1/customers");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.Str("detail").ShouldContain("not valid or has been revoked");
    }

    [Fact]
    public async Task A_key_sent_any_other_way_than_bearer_is_refused_with_401()
    {
        var client = factory.ClientWith(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", BillingApiFactory.TestAdminKey);

        var problem = await (await client.GetAsync("/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.Str("detail").ShouldContain("Bearer");
    }

    [Theory]
    [InlineData(BillingApiFactory.TestClientKey)]
    [InlineData(BillingApiFactory.LiveClientKey)]
    public async Task A_client_key_on_an_admin_route_is_refused_with_403(string clientKey)
    {
        var response = await factory.ClientWith(clientKey).GetAsync("/v1/api-keys");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        problem.Str("detail").ShouldContain("admin key");
    }

    [Theory]
    [InlineData(BillingApiFactory.TestClientKey, "test")]
    [InlineData(BillingApiFactory.LiveAdminKey, "live")]
    public async Task Ping_answers_a_valid_key_with_the_environment_it_acts_in(string key, string environment)
    {
        var response = await factory.ClientWith(key).GetAsync("/v1/ping");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe($$"""{"environment":"{{environment}}"}""");
    }

    [Fact]
    public async Task Ping_refuses_a_missing_or_unknown_key_with_401()
    {
        await (await factory.ClientWith(null).GetAsync("/v1/ping")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await factory.ClientWith("not-a-key-that-exists-anywhere").GetAsync("/v1/ping")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_client_key_may_use_client_routes()
    {
        var response = await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync("/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_creates_a_key_that_works_at_once_and_stops_working_when_revoked()
    {
        var admin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var created = await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "ci pipeline", role = "client" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var secret = created.Str("key");
        var apiKey = created.GetProperty("apiKey");
        secret.ShouldStartWith("bk_test_");
        apiKey.Str("environment").ShouldBe("test");
        apiKey.Str("role").ShouldBe("client");
        apiKey.Str("prefix").ShouldBe(secret[..12]);

        (await factory.ClientWith(secret).GetAsync("/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await (await admin.DeleteAsync($"/v1/api-keys/{apiKey.Str("id")}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        revoked.GetProperty("active").GetBoolean().ShouldBeFalse();
        await (await factory.ClientWith(secret).GetAsync("/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Keys_are_listed_per_environment_and_never_with_their_secret()
    {
        var body = await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).GetAsync("/v1/api-keys")).Content.ReadAsStringAsync();

        body.ShouldNotContain(BillingApiFactory.LiveAdminKey);
        body.ShouldNotContain("\"test\"");
        body.ShouldContain("\"live\"");
    }

    [Fact]
    public async Task A_key_of_the_other_environment_cannot_be_revoked()
    {
        var testAdmin = factory.ClientWith(BillingApiFactory.TestAdminKey);
        var liveKeys = await (await factory.ClientWith(BillingApiFactory.LiveAdminKey).GetAsync("/v1/api-keys")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var liveKeyId = liveKeys.GetProperty("data")[0].Str("id");

        await (await testAdmin.DeleteAsync($"/v1/api-keys/{liveKeyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_last_active_admin_key_of_an_environment_cannot_be_revoked()
    {
        var liveAdmin = factory.ClientWith(BillingApiFactory.LiveAdminKey);
        var keys = await (await liveAdmin.GetAsync("/v1/api-keys")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var adminKeyId = keys.GetProperty("data").EnumerateArray().Single(key => key.Str("role") == "admin" && key.GetProperty("active").GetBoolean()).Str("id");

        await (await liveAdmin.DeleteAsync($"/v1/api-keys/{adminKeyId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin_key");
    }

    [Fact]
    public async Task Creating_a_key_names_each_invalid_field()
    {
        var response = await factory.ClientWith(BillingApiFactory.TestAdminKey).PostAsJsonAsync("/v1/api-keys", new { name = "", role = "root" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_error");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.GetProperty("role")[0].GetString().ShouldBe("'root' is not one of: client, admin.");
    }
}

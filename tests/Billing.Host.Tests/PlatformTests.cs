using System.Net;
using Billing.Host.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Host.Tests;

/// <summary>OPS-1, OPS-3, API-1 and the Server-Timing header (P6): the product starts on its own database and describes itself.</summary>
public sealed class PlatformTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    [Fact]
    public async Task Health_answers_200_without_a_key_when_the_database_answers()
    {
        var response = await factory.ClientWith(null).GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_customer_routes_and_bearer_keys()
    {
        var document = await (await factory.ClientWith(null).GetAsync("/openapi/v1.json")).ShouldBeJsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/v1/customers", out _).ShouldBeTrue();
        paths.TryGetProperty("/v1/customers/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/v1/api-keys", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").Str("scheme").ShouldBe("bearer");
    }

    [Fact]
    public async Task Every_answer_says_its_server_time_in_a_Server_Timing_header_problems_too()
    {
        var ok = await factory.ClientWith(BillingApiFactory.TestAdminKey).GetAsync("/v1/invoices?limit=1");
        var refused = await factory.ClientWith(null).GetAsync("/v1/invoices");

        foreach (var response in new[] { ok, refused })
        {
            var timing = response.Headers.GetValues("Server-Timing").ShouldHaveSingleItem();
            timing.ShouldStartWith("app;dur=");
            double.Parse(timing["app;dur=".Length..], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0);
        }

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await factory.ClientWith(BillingApiFactory.TestClientKey).GetAsync("/v1/no-such-thing");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        problem.Str("detail").ShouldContain("/v1/no-such-thing");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var response = await factory.ClientWith(BillingApiFactory.TestClientKey).DeleteAsync("/v1/customers");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public void Every_route_says_who_may_call_it()
    {
        // Secure by default: a route without an authorization policy or an explicit AllowAnonymous
        // would be open to anyone, so none may exist.
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.ShouldNotBeEmpty();
        var open = endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .ToList();
        open.ShouldBeEmpty();
    }
}

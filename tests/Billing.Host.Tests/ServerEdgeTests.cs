using System.Net;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// API-1 on the real web server (Kestrel, not the in-process test server): a URL or headers larger
/// than the API takes get a problem body, because Kestrel's own limits sit above the API's; what
/// Kestrel refuses before any application code runs (a null character in the path) is its bare 400
/// (docs-adr/0029).
/// </summary>
public sealed class ServerEdgeTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("billing-edge").FullName;
    private HostProcess? _host;

    private HttpClient Client => _host!.Client;

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(Path.Combine(_directory, "billing.db"));

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_url_longer_than_the_api_takes_is_a_414_problem_from_the_real_server()
    {
        await (await Client.GetAsync("/v1/customers/" + new string('a', 20_000))).ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }

    [Fact]
    public async Task Headers_larger_than_the_api_takes_are_a_431_problem_from_the_real_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/customers");
        request.Headers.Add("X-Padding", new string('p', 40_000));

        await (await Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "request_headers_too_large");
    }

    [Fact]
    public async Task A_null_character_in_the_path_is_refused_by_the_server_itself()
    {
        var response = await Client.GetAsync("/v1/customers/a%00b");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Billing.Host.Tests.Support;

public static class ApiAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the given status and code, and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        problem.GetProperty("type").GetString().ShouldBe("urn:billing:problem:" + code);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
        return problem;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

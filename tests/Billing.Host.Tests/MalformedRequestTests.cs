using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests;

/// <summary>
/// API-1: malformed JSON, wrong types, wrong content types, huge payloads, bad parameters, unknown
/// routes and methods — every one gets a 4xx problem, never a 5xx.
/// </summary>
public sealed class MalformedRequestTests(BillingApiFactory factory) : IClassFixture<BillingApiFactory>
{
    private const string Valid = """{"externalId":"ok-1","kind":"company","name":"Valid","currency":"USD"}""";

    [Fact]
    public async Task More_than_a_hundred_malformed_requests_all_get_4xx_problems()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        var existing = await client.PostAsync("/v1/customers", Json(Valid));
        var id = (await existing.ShouldBeJsonAsync(HttpStatusCode.Created)).Str("id");

        var cases = Cases(id).ToList();
        cases.Count.ShouldBeGreaterThanOrEqualTo(100);

        var failures = new List<string>();
        foreach (var (name, request, expected) in cases)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499 || (expected != 0 && status != expected) || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name}: expected {expected}, got {status} {response.Content.Headers.ContentType} {body[..Math.Min(200, body.Length)]}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        var huge = """{"externalId":"big","kind":"company","currency":"USD","name":""" + "\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        await (await client.PostAsync("/v1/customers", Json(huge))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task An_oversized_body_without_a_length_is_refused_with_413_too()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_refused_with_415(string contentType)
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        var response = await client.PostAsync("/v1/customers", new StringContent(Valid, Encoding.UTF8, contentType));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Broken_json_says_where_it_breaks()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        var problem = await (await client.PostAsync("/v1/customers", Json("{\"externalId\":"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");

        problem.Str("detail").ShouldStartWith("The body is not valid JSON (line 1");
    }

    [Fact]
    public async Task A_wrong_type_names_the_field()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        var problem = await (await client.PostAsync("/v1/customers", Json("""{"taxRate":"eight"}"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_json");

        problem.GetProperty("errors").GetProperty("taxRate")[0].GetString().ShouldBe("'taxRate' has the wrong type or format.");
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_names_the_parameter()
    {
        var client = factory.ClientWith(BillingApiFactory.TestClientKey);

        var problem = await (await client.GetAsync("/v1/customers?limit=ten")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");

        problem.GetProperty("errors").GetProperty("limit")[0].GetString().ShouldBe("'ten' is not a valid limit.");
    }

    private static IEnumerable<(string Name, HttpRequestMessage Request, int ExpectedStatus)> Cases(string id)
    {
        string[] brokenJson =
        [
            "{", "}", "[", "]", "{\"externalId\":}", "nul", "{'externalId':'x'}", "{\"externalId\":\"x\",}", "{} trailing", "\"just a string\"",
            "123", "[]", "null", "true", "{\"externalId\":\"x\"", "{\"externalId\" \"x\"}", "{\"name\":\"a\u0001b\"}", "{\"taxRate\":1e400}", "{\"taxRate\":NaN}",
            "{\"taxRate\":0x10}", "\uFEFF\uFEFF{}", "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
            "{\"notificationPreferences\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}",
        ];
        foreach (var (json, index) in brokenJson.Select((json, index) => (json, index)))
        {
            yield return ($"broken json #{index}", Post("/v1/customers", json), 400);
            yield return ($"broken json on patch #{index}", Patch($"/v1/customers/{id}", json), 400);
        }

        string[] notStrings = ["12", "[1,2]", "{\"x\":1}", "true"];
        var wrongTypes = new Dictionary<string, string[]>
        {
            ["externalId"] = notStrings, ["kind"] = notStrings, ["name"] = notStrings, ["email"] = notStrings,
            ["currency"] = notStrings, ["stripeCustomerId"] = notStrings,
            ["taxRate"] = ["\"12abc\"", "[1,2]", "{\"x\":1}", "true"],
            ["notificationPreferences"] = ["12", "[1,2]", "\"email\"", "true"],
        };
        var unique = 0;
        foreach (var (field, values) in wrongTypes)
        {
            foreach (var value in values)
            {
                var body = JsonNode.Parse(Valid)!.AsObject();
                body["externalId"] = $"wrong-type-{unique++}";
                body[field] = JsonNode.Parse(value);
                yield return ($"wrong type {field}={value}", Post("/v1/customers", body.ToJsonString()), 400);
            }
        }

        string[] invalidValues =
        [
            """{"externalId":"","kind":"company","name":"X","currency":"USD"}""",
            """{"externalId":" padded ","kind":"company","name":"X","currency":"USD"}""",
            """{"externalId":"x","kind":"person","name":"X","currency":"USD"}""",
            """{"externalId":"x","kind":"company","name":"   ","currency":"USD"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"usd"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"XXX"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","taxRate":-1}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","taxRate":100.5}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","taxRate":1.23456}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","email":"not-an-email"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","stripeCustomerId":"cust_1"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","notificationPreferences":{"pastDue":"sms"}}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","notificationPreferences":{"unknown":"email"}}""",
            $$"""{"externalId":"{{new string('e', 256)}}","kind":"company","name":"X","currency":"USD"}""",
            $$"""{"externalId":"x","kind":"company","name":"{{new string('n', 201)}}","currency":"USD"}""",
            """{"externalId":"ok-1","kind":"company","name":"Duplicate","currency":"USD"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","id":"cus_mine"}""",
            """{"externalId":"x","kind":"company","name":"X","currency":"USD","environment":"live"}""",
        ];
        foreach (var (json, index) in invalidValues.Select((json, index) => (json, index)))
        {
            yield return ($"invalid value #{index}", Post("/v1/customers", json), json.Contains("Duplicate", StringComparison.Ordinal) ? 409 : 400);
        }

        string[] invalidPatches =
        [
            """{"kind":"person"}""", """{"name":""}""", """{"taxRate":101}""", """{"email":"x"}""", """{"externalId":"new"}""",
            """{"currency":"EUR"}""", """{"status":"archived"}""", """{"stripeCustomerId":"nope"}""", """{"notificationPreferences":{"invoiceIssued":"pigeon"}}""",
        ];
        foreach (var (json, index) in invalidPatches.Select((json, index) => (json, index)))
        {
            yield return ($"invalid patch #{index}", Patch($"/v1/customers/{id}", json), 400);
        }

        yield return ("patch unknown customer", Patch("/v1/customers/cus_00000000000000000000000000000000", """{"name":"x"}"""), 404);
        yield return ("get unknown customer", new HttpRequestMessage(HttpMethod.Get, "/v1/customers/cus_missing"), 404);
        yield return ("archive unknown customer", new HttpRequestMessage(HttpMethod.Post, "/v1/customers/nope/archive"), 404);
        yield return ("history of unknown customer", new HttpRequestMessage(HttpMethod.Get, "/v1/customers/nope/history"), 404);

        foreach (var contentType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "image/png" })
        {
            yield return ($"content type {contentType}", new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = new StringContent(Valid, Encoding.UTF8, contentType) }, 415);
        }

        yield return ("no body on create", new HttpRequestMessage(HttpMethod.Post, "/v1/customers"), 0);
        yield return ("no body on patch", new HttpRequestMessage(HttpMethod.Patch, $"/v1/customers/{id}"), 0);
        yield return ("empty json body", Post("/v1/customers", string.Empty), 400);
        yield return ("invalid utf-8", new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = Bytes([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) }, 400);
        yield return ("oversized body", Post("/v1/customers", "{\"name\":\"" + new string('x', 1_100_000) + "\"}"), 413);

        string[] badQueries =
        [
            "limit=0", "limit=-1", "limit=101", "limit=abc", "limit=1.5", "limit=99999999999", "cursor=not-a-cursor", "cursor=" + new string('a', 600),
            "cursor=bm9waXBl", "kind=person", "status=deleted", "q=" + new string('q', 201), "externalId=" + new string('e', 256),
        ];
        foreach (var query in badQueries)
        {
            yield return ($"list with {query[..Math.Min(20, query.Length)]}", new HttpRequestMessage(HttpMethod.Get, "/v1/customers?" + query), 400);
        }

        (HttpMethod Method, string Path)[] wrongRoutes =
        [
            (HttpMethod.Put, "/v1/customers"), (HttpMethod.Delete, "/v1/customers"), (HttpMethod.Put, $"/v1/customers/{id}"),
            (HttpMethod.Get, $"/v1/customers/{id}/archive"), (HttpMethod.Delete, $"/v1/customers/{id}/history"), (HttpMethod.Get, "/v1/customer"),
            (HttpMethod.Get, "/v2/customers"), (HttpMethod.Post, "/v1/customers/x/y/z"), (HttpMethod.Get, "/v1/events/batch"), (HttpMethod.Get, "/v1/customers/..%2F..%2Fhealth/x"),
        ];
        foreach (var (method, path) in wrongRoutes)
        {
            yield return ($"{method} {path}", new HttpRequestMessage(method, path), 0);
        }
    }

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path) { Content = Json(json) };

    private static HttpRequestMessage Patch(string path, string json) => new(HttpMethod.Patch, path) { Content = Json(json) };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

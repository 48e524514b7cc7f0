using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Billing.Host.Tests.Support;
using Xunit.Abstractions;

namespace Billing.Host.Tests;

/// <summary>
/// API-1: every route and method the OpenAPI document describes, fed malformed bodies, query strings
/// and path ids generated from the document itself: never a 5xx, and every 4xx is a problem. Bounded
/// (a fixed seed and a fixed number of variants per operation), so it runs the same way every time.
/// </summary>
public sealed partial class OpenApiFuzzTests(ITestOutputHelper output)
{
    private const int BodyVariantsPerOperation = 40;

    // JsonNode cannot write a lone surrogate, so a mark stands for one until the body is text.
    private const string LoneSurrogateMark = "lone-surrogate-mark";

    private static readonly string[] OddTexts =
    [
        "", " ", "x", "-1", "0", "1e400", "79228162514264337593543950336", "null", "true", "..", "%", "%ff", "%2F", "🙂", "\u00e9",
        "a'b\"c", "<script>", "2026-13-45T25:61:61Z", "P-1D", "PT999999999H", new string('a', 300), "cus_", "inv_0000", "\u0000",
    ];

    [Fact]
    public async Task Every_operation_of_the_openapi_document_answers_malformed_input_with_a_4xx_problem_never_a_5xx()
    {
        await using var factory = new BillingApiFactory();
        var scenario = await InvoicingScenario.CreateAsync(factory, recurringFee: 10m);
        await scenario.SetClockAsync("2026-06-01T03:00:00Z");
        var invoiceId = (await scenario.OnlyInvoiceAsync()).Str("id");
        var client = scenario.Admin;
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var realIds = new[] { scenario.CustomerId, scenario.SubscriptionId, invoiceId, "call-" + scenario.Suffix, "test", "live" };
        var random = new Random(20261207);

        var sent = 0;
        var failures = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(entry => entry.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var queryNames = operation!["parameters"]?.AsArray().Where(parameter => parameter!["in"]!.GetValue<string>() == "query")
                    .Select(parameter => parameter!["name"]!.GetValue<string>()).ToList() ?? [];
                var bodySchema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);

                foreach (var request in Requests(path, method, queryNames, bodySchema, realIds, schemas, random))
                {
                    sent++;
                    using var response = await client.SendAsync(request.Message);
                    var status = (int)response.StatusCode;
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (status >= 500 || (status >= 400 && mediaType != "application/problem+json"))
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures.Add($"{method.ToUpperInvariant()} {request.Description}: {status} {mediaType} {body[..Math.Min(300, body.Length)]}");
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests over {operations} operations; {failures.Count} answered 5xx or a 4xx without a problem body.");
        operations.ShouldBeGreaterThan(40);
        sent.ShouldBeGreaterThan(1_500);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests over {operations} operations");
    }

    private sealed record Fuzzed(HttpRequestMessage Message, string Description);

    private static IEnumerable<Fuzzed> Requests(
        string path, string method, IReadOnlyList<string> queryNames, JsonNode? bodySchema, string[] realIds, JsonObject? schemas, Random random)
    {
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        var validPath = PathParameter().Replace(path, match => realIds[random.Next(realIds.Length)]);

        // Path ids: odd texts, escaped, in every parameter. Not %00: the server refuses a path with a
        // null character before the application runs (docs-adr/0029).
        if (PathParameter().IsMatch(path))
        {
            foreach (var odd in OddTexts.Where(text => !text.Contains('\0')))
            {
                var url = PathParameter().Replace(path, _ => Uri.EscapeDataString(odd));
                yield return new Fuzzed(new HttpRequestMessage(httpMethod, url) { Content = bodySchema is null ? null : Json("{}") }, url);
            }
        }

        // Query strings: each parameter with odd values, and one parameter nobody knows.
        foreach (var name in queryNames.Append("unknownParameter"))
        {
            foreach (var odd in OddTexts.Where((_, index) => index % 2 == random.Next(2)))
            {
                var url = $"{validPath}?{name}={Uri.EscapeDataString(odd)}";
                yield return new Fuzzed(new HttpRequestMessage(httpMethod, url) { Content = bodySchema is null ? null : Json("{}") }, url);
            }
        }

        if (bodySchema is null && method is "get" or "delete")
        {
            yield break;
        }

        // Bodies: not JSON, not an object, and the document's own shape with one field made wrong at a time.
        foreach (var text in new[] { "", "{", "[]", "null", "\"text\"", "42", "{\"a\":1,\"a\":2}", "{\"x\":\"\\ud800\"}", new string('[', 100) + new string(']', 100) })
        {
            yield return new Fuzzed(new HttpRequestMessage(httpMethod, validPath) { Content = Json(text) }, $"{validPath} body {text[..Math.Min(20, text.Length)]}");
        }

        yield return new Fuzzed(new HttpRequestMessage(httpMethod, validPath) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") }, $"{validPath} as text/plain");

        var sample = KnownShape(path) ?? Sample(bodySchema, schemas, random, depth: 0) as JsonObject ?? [];
        for (var variant = 0; variant < BodyVariantsPerOperation; variant++)
        {
            var body = (JsonObject)sample.DeepClone();
            Mutate(body, random, depth: 0);
            var text = body.ToJsonString().Replace(LoneSurrogateMark, "\\ud800", StringComparison.Ordinal);
            yield return new Fuzzed(new HttpRequestMessage(httpMethod, validPath) { Content = Json(text) }, $"{validPath} body {text[..Math.Min(200, text.Length)]}");
        }
    }

    /// <summary>Changes one field, at any depth, to a value of the wrong kind, or adds a field nobody knows.</summary>
    private static void Mutate(JsonNode node, Random random, int depth)
    {
        if (node is JsonObject obj && obj.Count > 0 && depth < 4 && random.Next(3) > 0)
        {
            var (key, value) = obj.ElementAt(random.Next(obj.Count));
            if (value is JsonObject or JsonArray && random.Next(2) == 0)
            {
                Mutate(value!, random, depth + 1);
            }
            else
            {
                obj[key] = OddValue(random);
            }
        }
        else if (node is JsonArray array && array.Count > 0 && random.Next(2) == 0)
        {
            array[random.Next(array.Count)] = OddValue(random);
        }
        else if (node is JsonObject other)
        {
            other["unexpected" + random.Next(100)] = OddValue(random);
        }
        else if (node is JsonArray list)
        {
            list.Add(OddValue(random));
        }
    }

    private static JsonNode? OddValue(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(decimal.MaxValue),
        3 => JsonValue.Create(1e300),
        4 => JsonValue.Create(true),
        5 => new JsonArray((JsonNode?)null),
        6 => new JsonObject { ["nested"] = JsonValue.Create("x") },
        7 => JsonValue.Create(new string('z', 5_000)),
        8 => JsonValue.Create(LoneSurrogateMark),
        9 => new JsonArray(),
        10 => JsonValue.Create(long.MinValue),
        _ => JsonValue.Create(OddTexts[random.Next(OddTexts.Length)]),
    };

    /// <summary>Usage events are read as raw JSON (MET-3), so the document has no shape for them.</summary>
    private static JsonObject? KnownShape(string path)
    {
        JsonObject Event() => new()
        {
            ["id"] = "evt-1", ["customer"] = "cust", ["event"] = "call", ["timestamp"] = "2026-05-01T00:00:00Z", ["properties"] = new JsonObject { ["gb"] = 1 },
        };
        return path.EndsWith("/events/batch", StringComparison.Ordinal) ? new JsonObject { ["events"] = new JsonArray(Event(), Event()) }
            : path.EndsWith("/events", StringComparison.Ordinal) ? Event()
            : null;
    }

    /// <summary>A value of the shape the schema describes, with plausible scalars.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, Random random, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > 5)
        {
            return null;
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            return Sample(oneOf.FirstOrDefault(option => Resolve(option, schemas)?["type"]?.ToString() != "null"), schemas, random, depth);
        }

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(type => type!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => schema["properties"] is not null ? ["object"] : new List<string>(),
        };
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                result[name] = Sample(property, schemas, random, depth + 1);
            }

            return result;
        }

        if (types.Contains("array"))
        {
            return new JsonArray(Sample(schema["items"], schemas, random, depth + 1));
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(random.Next(1, 5));
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        return types.Contains("string") ? JsonValue.Create(schema["format"]?.ToString() == "date-time" ? "2026-05-01T00:00:00Z" : "sample") : null;
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        while (schema?["$ref"] is JsonValue reference)
        {
            schema = schemas?[reference.GetValue<string>().Split('/')[^1]];
        }

        return schema;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}

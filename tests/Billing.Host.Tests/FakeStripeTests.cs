using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Billing.Host.Tests.FakeStripe;

namespace Billing.Host.Tests;

/// <summary>The fake refuses what Stripe refuses, with Stripe's error object, so the client's requests are proven well formed.</summary>
public sealed class FakeStripeTests
{
    [Theory]
    [InlineData("/v1/customers", "nickname=x", "Received unknown parameter: nickname")]
    [InlineData("/v1/customers", "metadata=x", "Invalid object: metadata must be a hash of keys to values.")]
    [InlineData("/v1/customers", "invoice_settings[colour]=red", "Received unknown parameter: invoice_settings[colour]")]
    [InlineData("/v1/customers", "balance=ten", "Invalid integer: ten")]
    [InlineData("/v1/customers", "tax_exempt=sometimes", "Invalid tax_exempt: must be one of , exempt, none, reverse")]
    [InlineData("/v1/invoices", "auto_advance=yes", "Invalid boolean: yes")]
    [InlineData("/v1/invoices", "collection_method=cash", "Invalid collection_method: must be one of charge_automatically, send_invoice")]
    [InlineData("/v1/invoiceitems", "amount=100&currency=usd", "Missing required param: customer.")]
    [InlineData("/v1/checkout/sessions", "mode=setup", "Missing required param: success_url.")]
    [InlineData("/v1/checkout/sessions", "mode=setup&success_url=https://x.test&allowed_payment_method_types=card", "Invalid array: allowed_payment_method_types must be sent as allowed_payment_method_types[0]=…")]
    [InlineData("/v1/checkout/sessions", "mode=setup&success_url=https://x.test&payment_method_types[0]=card", "Received unknown parameter: payment_method_types")]
    public async Task Requests_Stripe_would_refuse_get_400_and_Stripes_error_object(string path, string body, string message)
    {
        await using var stripe = new FakeStripeServer();
        using var client = Client(stripe);

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        error.GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task Idempotency_keys_replay_the_first_answer_and_refuse_other_parameters()
    {
        await using var stripe = new FakeStripeServer();
        using var client = Client(stripe);

        var first = await PostAsync(client, "name=Acme", "key-1");
        var replay = await PostAsync(client, "name=Acme", "key-1");
        var other = await PostAsync(client, "name=Globex", "key-1");

        (await replay.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        stripe.Objects("customer").ShouldHaveSingleItem();
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString().ShouldBe("idempotency_error");
        (await client.PostAsync("/v1/customers", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var anonymous = new HttpClient { BaseAddress = new Uri(stripe.BaseUrl) };
        (await anonymous.GetAsync("/v1/customers/cus_x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/v1/customers/cus_missing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static HttpClient Client(FakeStripeServer stripe)
    {
        var client = new HttpClient { BaseAddress = new Uri(stripe.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeStripeServer.SecretKey);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}

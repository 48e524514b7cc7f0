using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Billing.Host.Tests.Support;

namespace Billing.Host.Tests.FakeStripe;

/// <summary>How the fake fails the first attempt of every call (PAY-7 fault tests).</summary>
public enum FakeFailure
{
    None,

    /// <summary>Does the work, then holds the answer until the client has given up and asked again: the retry must be replayed, not redone.</summary>
    Timeout,

    /// <summary>Answers 500 without doing anything.</summary>
    ServerError,

    /// <summary>Answers 429 without doing anything.</summary>
    RateLimited,
}

/// <summary>
/// A fake Stripe on loopback, over real HTTP, for the tests (PAY-7). It keeps state for the objects
/// Billing uses (customers, invoices and their items, checkout sessions, setup intents, payment
/// methods), refuses what Stripe refuses (unknown parameters, wrong types, bad enum values, missing
/// required fields; see <see cref="StripeParameterRules"/>) with Stripe's error object, honours
/// idempotency keys like Stripe (replays, or <c>idempotency_error</c> for other parameters), can be
/// told to fail, and sends signed webhooks.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake000000000000000000000001";

    /// <summary>
    /// The API version whose shapes the fake answers in: Stripe.net 53's pin. Stripe.net's own types
    /// describe it (<see cref="FakeStripeShapeTests"/> holds the fake to them); the parameters'
    /// meanings are ../shared/stripe's (2023-08-16), where they did not change.
    /// </summary>
    public const string ApiVersion = "2026-10-28.endive";
    public const string WebhookSecret = "whsec_fake00000000000000000000000001";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = [];
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _idempotency = [];
    private readonly HashSet<string> _failedOnce = [];
    private readonly ConcurrentBag<Task> _deliveries = [];
    private readonly HttpClient _webhookClient = new();
    private int _sequence;
    private int _disposed;
    private readonly Dictionary<string, TaskCompletionSource> _awaitingRetry = [];
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<(string Type, JsonObject Subject)>? _emitting;
    private Func<FakeRequest, bool>? _holdWhen;
    private bool _holdAfterDoingIt;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeStripeServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Where webhooks go (Billing's <c>/webhooks/stripe/test</c>); none are sent while null.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Where webhooks go when several instances serve Billing: as a load balancer in front of them
    /// does, each event goes to the next instance in turn, and on to the following one when that
    /// instance does not answer. Used when <see cref="WebhookUrl"/> is null.
    /// </summary>
    public IReadOnlyList<string> BalancedWebhookUrls { get; set; } = [];

    /// <summary>The client that posts webhooks: a real one by default, an in-process host's own in WebApplicationFactory tests.</summary>
    public HttpClient? WebhookClient { get; set; }

    public FakeFailure FailFirstAttempt { get; set; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Stripe's minimum charge in USD and EUR, in cents.</summary>
    public const long MinimumChargeMinor = 50;

    /// <summary>A customer's Stripe balance in minor units: negative is credit, applied at the next finalization.</summary>
    public void SetBalance(string customerId, long balance)
    {
        lock (_gate)
        {
            _objects[customerId]["balance"] = balance;
        }
    }

    public ConcurrentQueue<(string Type, int Status)> WebhooksSent { get; } = new();

    /// <summary>A customer made directly in the fake, as if in Stripe's dashboard; with a default card or without one.</summary>
    public string CreateCustomer(bool withDefaultCard)
    {
        lock (_gate)
        {
            var customer = NewCustomer(new JsonObject { ["name"] = "Dashboard customer" });
            if (withDefaultCard)
            {
                var card = NewPaymentMethod(customer["id"]!.ToString(), declines: false);
                _objects[customer["id"]!.ToString()]["invoice_settings"]!["default_payment_method"] = card["id"]!.ToString();
            }

            return customer["id"]!.ToString();
        }
    }

    /// <summary>The customer's card is added in Stripe's dashboard and made its default.</summary>
    public void AddDefaultCard(string customerId)
    {
        lock (_gate)
        {
            var card = NewPaymentMethod(customerId, declines: false);
            _objects[customerId]["invoice_settings"]!["default_payment_method"] = card["id"]!.ToString();
        }
    }

    /// <summary>The customer enters a card on the checkout page of a setup session: Stripe sends checkout.session.completed and setup_intent.succeeded.</summary>
    public void CompleteSetup(string sessionUrl)
    {
        lock (_gate)
        {
            var session = Objects("checkout.session").Single(candidate => candidate["url"]!.ToString() == sessionUrl);
            var setupIntent = _objects[session["setup_intent"]!.ToString()];
            var card = NewPaymentMethod(session["customer"]!.ToString(), declines: false);
            setupIntent["status"] = "succeeded";
            setupIntent["payment_method"] = card["id"]!.ToString();
            session["status"] = "complete";
            Emit("checkout.session.completed", session);
            Emit("setup_intent.succeeded", setupIntent);
        }
    }

    /// <summary>
    /// Holds the first request that matches, without answering, until the test is done with it (the
    /// client is killed meanwhile); the task completes when it arrives. With <paramref name="afterDoingIt"/>
    /// the work is done first (the answer is what gets lost), otherwise it is never done.
    /// </summary>
    public Task HoldFirst(Func<FakeRequest, bool> when, bool afterDoingIt)
    {
        _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdAfterDoingIt = afterDoingIt;
        _holdWhen = when;
        return _held.Task;
    }

    public IReadOnlyList<JsonObject> Objects(string type)
    {
        lock (_gate)
        {
            return _objects.Values.Where(value => value["object"]!.ToString() == type).Select(value => (JsonObject)value.DeepClone()).ToList();
        }
    }

    public JsonObject Object(string id)
    {
        lock (_gate)
        {
            return (JsonObject)_objects[id].DeepClone();
        }
    }

    /// <summary>A Stripe event body and its Stripe-Signature header, signed with the given secrets at the given time.</summary>
    public static (string Payload, string Signature) SignedEvent(string id, string type, JsonObject data, DateTimeOffset signedAt, params string[] secrets)
    {
        var payload = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = signedAt.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        }.ToJsonString();
        return (payload, Sign(payload, signedAt, secrets));
    }

    public static string Sign(string payload, DateTimeOffset signedAt, params string[] secrets)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signatures = secrets.Select(secret =>
            "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"))));
        return $"t={timestamp},{string.Join(',', signatures)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _released.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { });
        await Task.WhenAll(_deliveries).ContinueWith(_ => { });
        _webhookClient.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new FakeRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                Parse(context.Request.HttpMethod == "GET" ? context.Request.Url.Query.TrimStart('?') : body),
                context.Request.Headers["Authorization"],
                context.Request.Headers["Idempotency-Key"],
                context.Request.Headers["Stripe-Version"],
                context.Request.ContentType);
            Requests.Enqueue(request);
            var held = _holdWhen is { } hold && hold(request);
            if (held)
            {
                _holdWhen = null;
            }

            if (held && !_holdAfterDoingIt)
            {
                await HoldAsync();
            }

            var (status, answer, replayed, answerAfter, webhooks) = Handle(request);
            if (held && _holdAfterDoingIt)
            {
                await HoldAsync();
            }

            // A "timeout": the answer leaves only once the client has given up on it and asked again.
            await answerAfter;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.Headers["Request-Id"] = $"req_{Interlocked.Increment(ref _sequence)}";
            if (replayed)
            {
                context.Response.Headers["Idempotent-Replayed"] = "true";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            finally
            {
                Changes.Pulse();
            }

            // As Stripe does: the events of a request are sent after its answer.
            foreach (var (type, subject) in webhooks)
            {
                Deliver(type, subject);
            }
        }
        catch (Exception) when (!_listener.IsListening)
        {
            // Shutting down.
        }
        catch (HttpListenerException)
        {
            // The client went away (timed out or was killed).
        }
        catch (Exception bug)
        {
            // A fault in the fake itself: answer it plainly rather than leave the client hanging.
            context.Response.StatusCode = 599;
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(Error("fake_stripe_bug", bug.ToString())));
            context.Response.Close();
        }
    }

    /// <summary>Never answers: the test kills the client meanwhile; the fake's disposal lets go.</summary>
    private async Task HoldAsync()
    {
        _held.TrySetResult();
        await _released.Task;
        throw new HttpListenerException(995, "Held until the client was gone.");
    }

    private (int Status, string Body, bool Replayed, Task AnswerAfter, List<(string Type, JsonObject Subject)> Webhooks) Handle(FakeRequest request)
    {
        if (request.Authorization is not { } authorization || !authorization.StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return (401, Error("invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth."), false, Task.CompletedTask, []);
        }

        if (request.Method == "POST" && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            return (400, Error("invalid_request_error", "Stripe takes application/x-www-form-urlencoded bodies."), false, Task.CompletedTask, []);
        }

        var (route, ids) = Route(request.Method, request.Path);
        if (route is null)
        {
            return (404, Error("invalid_request_error", $"Unrecognized request URL ({request.Method}: {request.Path})."), false, Task.CompletedTask, []);
        }

        if (StripeParameterRules.Endpoints[(request.Method, route)].CheckRequest(request.Fields) is { } invalid)
        {
            return (400, Error("invalid_request_error", invalid, param: invalid.Split(": ").Last().TrimEnd('.')), false, Task.CompletedTask, []);
        }

        var fingerprint = $"{request.Method} {request.Path} {string.Join('&', request.Fields.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => $"{field.Key}={field.Value}"))}";
        lock (_gate)
        {
            // The client asking again is what releases a held "timed out" answer.
            if (_awaitingRetry.Remove(request.IdempotencyKey ?? fingerprint, out var retried))
            {
                retried.TrySetResult();
            }

            if (request.IdempotencyKey is { } key)
            {
                if (key.Length > 255)
                {
                    return (400, Error("invalid_request_error", "Idempotency keys are at most 255 characters."), false, Task.CompletedTask, []);
                }

                if (_idempotency.TryGetValue(key, out var earlier))
                {
                    return earlier.Fingerprint == fingerprint
                        ? (earlier.Status, earlier.Body, true, Task.CompletedTask, [])
                        : (400, Error("idempotency_error", $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."), false, Task.CompletedTask, []);
                }
            }

            var failure = FailFirstAttempt != FakeFailure.None && _failedOnce.Add(request.IdempotencyKey ?? fingerprint) ? FailFirstAttempt : FakeFailure.None;
            switch (failure)
            {
                case FakeFailure.ServerError:
                    return (500, Error("api_error", "Something went wrong on Stripe's end."), false, Task.CompletedTask, []);
                case FakeFailure.RateLimited:
                    return (429, Error("rate_limit_error", "Too many requests hit the API too quickly."), false, Task.CompletedTask, []);
            }

            _emitting = [];
            var (status, answer) = Process(request, route, ids);
            var webhooks = _emitting;
            _emitting = null;
            var body = answer.ToJsonString();
            if (request.IdempotencyKey is { } storedKey)
            {
                _idempotency[storedKey] = (fingerprint, status, body);
            }

            var answerAfter = Task.CompletedTask;
            if (failure == FakeFailure.Timeout)
            {
                var retry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _awaitingRetry[request.IdempotencyKey ?? fingerprint] = retry;
                answerAfter = Task.WhenAny(retry.Task, _released.Task);
            }

            return (status, body, false, answerAfter, webhooks);
        }
    }

    private (int Status, JsonObject Body) Process(FakeRequest request, string route, string[] ids)
    {
        var form = request.Form;
        switch (request.Method, route)
        {
            case ("POST", "/v1/customers"):
                return (200, NewCustomer(new JsonObject { ["name"] = form.Value("name"), ["email"] = form.Value("email"), ["metadata"] = form.Map("metadata") }));
            case ("GET", "/v1/customers/{customer}"):
                return Find(ids[0], "customer", out var customer) ? (200, customer!) : Missing("customer", ids[0]);
            case ("POST", "/v1/customers/{customer}"):
                return UpdateCustomer(ids[0], form);
            case ("POST", "/v1/invoices"):
                return CreateInvoice(form);
            case ("GET", "/v1/invoices/{invoice}"):
                return Find(ids[0], "invoice", out var invoice) ? (200, invoice!) : Missing("invoice", ids[0]);
            case ("POST", "/v1/invoiceitems"):
                return CreateInvoiceItem(form);
            case ("POST", "/v1/invoices/{invoice}/finalize"):
                return Finalize(ids[0]);
            case ("POST", "/v1/invoices/{invoice}/pay"):
                return Pay(ids[0]);
            case ("POST", "/v1/invoices/{invoice}/void"):
                return Move(ids[0], "open|uncollectible", "void", "invoice.voided", "You can only void open or uncollectible invoices.");
            case ("POST", "/v1/invoices/{invoice}/mark_uncollectible"):
                return Move(ids[0], "open", "uncollectible", "invoice.marked_uncollectible", "You can only mark open invoices uncollectible.");
            case ("POST", "/v1/checkout/sessions"):
                return CreateSession(form);
            case ("GET", "/v1/setup_intents"):
                var data = new JsonArray(Objects("setup_intent").Where(intent => form.Value("customer") is not { } owner || intent["customer"]!.ToString() == owner).Select(intent => (JsonNode)intent).ToArray());
                return (200, new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = "/v1/setup_intents" });
            default:
                return (404, ErrorObject("invalid_request_error", $"Unrecognized request URL ({request.Method}: {request.Path})."));
        }
    }

    private JsonObject NewCustomer(JsonObject fields)
    {
        fields["metadata"] ??= new JsonObject();
        fields["invoice_settings"] = new JsonObject { ["default_payment_method"] = null };
        fields["balance"] = 0;
        return Create("cus", "customer", fields);
    }

    private JsonObject NewPaymentMethod(string customerId, bool declines) =>
        Create("pm", "payment_method", new JsonObject
        {
            ["type"] = "card",
            ["customer"] = customerId,
            ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = declines ? "0002" : "4242" },
        });

    private (int, JsonObject) UpdateCustomer(string id, Form form)
    {
        if (!Find(id, "customer", out var customer))
        {
            return Missing("customer", id);
        }

        if (form.Value("invoice_settings[default_payment_method]") is { } paymentMethod)
        {
            if (!Find(paymentMethod, "payment_method", out var card) || card!["customer"]!.ToString() != id)
            {
                return Missing("payment_method", paymentMethod);
            }

            _objects[id]["invoice_settings"]!["default_payment_method"] = paymentMethod;
        }

        foreach (var field in new[] { "name", "email" })
        {
            if (form.Value(field) is { } value)
            {
                _objects[id][field] = value;
            }
        }

        return (200, (JsonObject)_objects[id].DeepClone());
    }

    private (int, JsonObject) CreateInvoice(Form form)
    {
        if (form.Value("customer") is not { } customerId)
        {
            return (400, ErrorObject("invalid_request_error", "Missing required param: customer.", "customer"));
        }

        if (!Find(customerId, "customer", out _))
        {
            return Missing("customer", customerId);
        }

        var invoice = Create("in", "invoice", new JsonObject
        {
            ["customer"] = customerId,
            ["currency"] = form.Value("currency") ?? "usd",
            ["status"] = "draft",
            ["auto_advance"] = form.Value("auto_advance") != "false",
            ["collection_method"] = form.Value("collection_method") ?? "charge_automatically",
            ["description"] = form.Value("description"),
            ["metadata"] = form.Map("metadata"),
            ["lines"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray() },
            ["total"] = 0,
            ["amount_due"] = 0,
            ["amount_paid"] = 0,
            ["attempt_count"] = 0,
            ["number"] = null,
            ["status_transitions"] = new JsonObject { ["finalized_at"] = null, ["paid_at"] = null, ["voided_at"] = null, ["marked_uncollectible_at"] = null },
        });
        Emit("invoice.created", invoice);
        return (200, invoice);
    }

    private (int, JsonObject) CreateInvoiceItem(Form form)
    {
        var customerId = form.Value("customer")!;
        if (!Find(customerId, "customer", out _))
        {
            return Missing("customer", customerId);
        }

        if (form.Value("amount") is not { } amountText)
        {
            return (400, ErrorObject("invalid_request_error", "You must specify either amount, price or price_data.", "amount"));
        }

        var invoiceId = form.Value("invoice");
        if (invoiceId is not null)
        {
            if (!Find(invoiceId, "invoice", out var target))
            {
                return Missing("invoice", invoiceId);
            }

            if (target!["status"]!.ToString() != "draft" || target["customer"]!.ToString() != customerId)
            {
                return (400, ErrorObject("invalid_request_error", "Invoice items can only be added to draft invoices of the same customer.", "invoice"));
            }

            if (form.Value("currency") is { } currency && currency != target["currency"]!.ToString())
            {
                return (400, ErrorObject("invalid_request_error", $"The currency {currency} does not match the invoice's {target["currency"]}.", "currency"));
            }
        }

        var amount = long.Parse(amountText, CultureInfo.InvariantCulture);
        var item = Create("ii", "invoiceitem", new JsonObject
        {
            ["customer"] = customerId,
            ["invoice"] = invoiceId,
            ["amount"] = amount,
            ["currency"] = form.Value("currency") ?? "usd",
            ["description"] = form.Value("description"),
            ["period"] = new JsonObject
            {
                ["start"] = form.Value("period[start]") is { } start ? long.Parse(start, CultureInfo.InvariantCulture) : null,
                ["end"] = form.Value("period[end]") is { } end ? long.Parse(end, CultureInfo.InvariantCulture) : null,
            },
            ["metadata"] = form.Map("metadata"),
        });
        if (invoiceId is not null)
        {
            var stored = _objects[invoiceId];
            stored["lines"]!["data"]!.AsArray().Add(LineOf(item));
            stored["total"] = Long(stored["total"]) + amount;
            stored["amount_due"] = Long(stored["total"]);
        }

        return (200, item);
    }

    /// <summary>Since 2025-03-31 an invoice's line is a <c>line_item</c> that names its invoice item under <c>parent</c>.</summary>
    private JsonObject LineOf(JsonObject item) => new()
    {
        ["id"] = $"il_{Interlocked.Increment(ref _sequence):D8}",
        ["object"] = "line_item",
        ["amount"] = item["amount"]!.DeepClone(),
        ["currency"] = item["currency"]!.DeepClone(),
        ["description"] = item["description"]?.DeepClone(),
        ["invoice"] = item["invoice"]!.DeepClone(),
        ["livemode"] = false,
        ["metadata"] = item["metadata"]!.DeepClone(),
        ["period"] = item["period"]!.DeepClone(),
        ["parent"] = new JsonObject
        {
            ["type"] = "invoice_item_details",
            ["invoice_item_details"] = new JsonObject { ["invoice_item"] = item["id"]!.DeepClone(), ["proration"] = false },
        },
        ["quantity"] = 1,
    };

    private (int, JsonObject) Pay(string id)
    {
        if (!Find(id, "invoice", out var invoice))
        {
            return Missing("invoice", id);
        }

        var stored = _objects[id];
        switch (invoice!["status"]!.ToString())
        {
            case "paid":
                return (400, ErrorObject("invalid_request_error", "Invoice is already paid.", code: "invoice_already_paid"));
            case not ("open" or "uncollectible"):
                return (400, ErrorObject("invalid_request_error", $"You can only pay open invoices; this one is {invoice["status"]}."));
        }

        var customer = _objects[invoice["customer"]!.ToString()];
        var paymentMethod = customer["invoice_settings"]!["default_payment_method"]?.ToString();
        if (Long(invoice["total"]) > 0 && paymentMethod is null)
        {
            stored["attempt_count"] = Long(stored["attempt_count"]) + 1;
            Emit("invoice.payment_failed", stored);
            return (400, ErrorObject("invalid_request_error", "This customer has no attached payment source or default payment method."));
        }

        stored["status"] = "paid";
        stored["amount_paid"] = Long(stored["total"]);
        stored["amount_due"] = 0;
        stored["attempt_count"] = Long(stored["attempt_count"]) + 1;
        stored["status_transitions"]!["paid_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Emit("invoice.paid", stored);
        return (200, (JsonObject)stored.DeepClone());
    }

    /// <summary>
    /// As Stripe finalizes: the customer's balance is applied; when nothing is left due, or less than
    /// the minimum charge (0.50 in the currencies the tests use), the invoice is paid at once and any
    /// amount left goes onto the customer's balance, to be charged with its next invoice.
    /// </summary>
    private (int, JsonObject) Finalize(string id)
    {
        var (status, finalized) = Move(id, "draft", "open", "invoice.finalized", "This invoice is already finalized, you can't re-finalize a non-draft invoice.");
        if (status != 200)
        {
            return (status, finalized);
        }

        var stored = _objects[id];
        var customer = _objects[stored["customer"]!.ToString()];
        var due = Long(stored["total"]) + Long(customer["balance"]);
        stored["starting_balance"] = Long(customer["balance"]);
        if (due >= MinimumChargeMinor)
        {
            customer["balance"] = 0;
            stored["amount_due"] = due;
            return (200, (JsonObject)stored.DeepClone());
        }

        customer["balance"] = due;
        stored["amount_due"] = 0;
        stored["status"] = "paid";
        stored["status_transitions"]!["paid_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Emit("invoice.paid", stored);
        return (200, (JsonObject)stored.DeepClone());
    }

    private (int, JsonObject) Move(string id, string from, string to, string eventType, string refusal)
    {
        if (!Find(id, "invoice", out var invoice))
        {
            return Missing("invoice", id);
        }

        if (!from.Split('|').Contains(invoice!["status"]!.ToString()))
        {
            return (400, ErrorObject("invalid_request_error", refusal));
        }

        var stored = _objects[id];
        stored["status"] = to;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (to)
        {
            case "open":
                stored["number"] = $"FAKE-{Interlocked.Increment(ref _sequence):0000}";
                stored["status_transitions"]!["finalized_at"] = now;
                break;
            case "void":
                stored["status_transitions"]!["voided_at"] = now;
                break;
            case "uncollectible":
                stored["status_transitions"]!["marked_uncollectible_at"] = now;
                break;
        }

        Emit(eventType, stored);
        return (200, (JsonObject)stored.DeepClone());
    }

    private (int, JsonObject) CreateSession(Form form)
    {
        if (form.Value("mode") != "setup")
        {
            return (400, ErrorObject("invalid_request_error", "This fake makes setup-mode sessions only.", "mode"));
        }

        if (form.Value("customer") is not { } customerId || !Find(customerId, "customer", out _))
        {
            return Missing("customer", form.Value("customer") ?? "(none)");
        }

        var setupIntent = Create("seti", "setup_intent", new JsonObject { ["customer"] = customerId, ["status"] = "requires_payment_method", ["payment_method"] = null });
        var session = Create("cs_test", "checkout.session", new JsonObject
        {
            ["mode"] = "setup",
            ["customer"] = customerId,
            ["setup_intent"] = setupIntent["id"]!.ToString(),
            ["status"] = "open",
            ["success_url"] = form.Value("success_url"),
            ["cancel_url"] = form.Value("cancel_url"),
            ["expires_at"] = DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds(),
        });
        _objects[session["id"]!.ToString()]["url"] = $"https://checkout.stripe.com/c/pay/{session["id"]}";
        return (200, (JsonObject)_objects[session["id"]!.ToString()].DeepClone());
    }

    private JsonObject Create(string prefix, string type, JsonObject fields)
    {
        var id = $"{prefix}_{Interlocked.Increment(ref _sequence):D8}";
        fields["id"] = id;
        fields["object"] = type;
        fields["livemode"] = false;
        // An invoice item says when it was made as `date`; every other object as `created`.
        fields[type == "invoiceitem" ? "date" : "created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _objects[id] = fields;
        return (JsonObject)fields.DeepClone();
    }

    private bool Find(string id, string type, out JsonObject? found)
    {
        found = _objects.TryGetValue(id, out var value) && value["object"]!.ToString() == type ? (JsonObject)value.DeepClone() : null;
        return found is not null;
    }

    /// <summary>An event of the request being handled is sent after its answer; one of a test's own action at once.</summary>
    private void Emit(string type, JsonObject subject)
    {
        if (_emitting is { } pending)
        {
            pending.Add((type, (JsonObject)subject.DeepClone()));
        }
        else
        {
            Deliver(type, subject);
        }
    }

    /// <summary>Sends a signed event to <see cref="WebhookUrl"/>, as Stripe does.</summary>
    private void Deliver(string type, JsonObject subject)
    {
        var urls = WebhookUrl is { } url ? [url] : BalancedWebhookUrls;
        if (urls.Count == 0)
        {
            return;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var (payload, signature) = SignedEvent($"evt_{sequence:D8}", type, (JsonObject)subject.DeepClone(), DateTimeOffset.UtcNow, WebhookSecret);
        _deliveries.Add(Task.Run(async () =>
        {
            try
            {
                for (var attempt = 0; attempt < urls.Count; attempt++)
                {
                    try
                    {
                        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                        using var message = new HttpRequestMessage(HttpMethod.Post, urls[(sequence + attempt) % urls.Count]) { Content = content };
                        message.Headers.Add("Stripe-Signature", signature);
                        using var response = await (WebhookClient ?? _webhookClient).SendAsync(message);
                        WebhooksSent.Enqueue((type, (int)response.StatusCode));
                        return;
                    }
                    catch (HttpRequestException) when (attempt < urls.Count - 1)
                    {
                        // That instance is down: the balancer tries the next one.
                    }
                }
            }
            catch (HttpRequestException)
            {
                WebhooksSent.Enqueue((type, 0));
            }
            finally
            {
                Changes.Pulse();
            }
        }));
    }

    private static (string? Route, string[] Ids) Route(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (routeMethod, route) in StripeParameterRules.Endpoints.Keys)
        {
            var pattern = route.Trim('/').Split('/');
            if (routeMethod != method || pattern.Length != segments.Length)
            {
                continue;
            }

            var ids = new List<string>();
            var matches = true;
            for (var index = 0; index < pattern.Length && matches; index++)
            {
                if (pattern[index].StartsWith('{'))
                {
                    ids.Add(Uri.UnescapeDataString(segments[index]));
                }
                else
                {
                    matches = pattern[index] == segments[index];
                }
            }

            if (matches)
            {
                return (route, ids.ToArray());
            }
        }

        return (null, []);
    }

    private static long Long(JsonNode? node) => node is null ? 0 : long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static (int, JsonObject) Missing(string type, string id) =>
        (404, ErrorObject("invalid_request_error", $"No such {type}: '{id}'", type, code: "resource_missing"));

    private static string Error(string type, string message, string? param = null) => ErrorObject(type, message, param).ToJsonString();

    private static JsonObject ErrorObject(string type, string message, string? param = null, string? code = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (param is not null)
        {
            error["param"] = param;
        }

        if (code is not null)
        {
            error["code"] = code;
        }

        return new JsonObject { ["error"] = error };
    }

    private static List<KeyValuePair<string, string>> Parse(string encoded) =>
        encoded.Length == 0
            ? []
            : encoded.Split('&').Select(pair => pair.Split('=', 2)).Select(pair => new KeyValuePair<string, string>(
                Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty)).ToList();
}

/// <summary>One request as the fake received it.</summary>
public sealed record FakeRequest(
    string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Authorization, string? IdempotencyKey, string? StripeVersion, string? ContentType)
{
    public Form Form => new(Fields);
}

public sealed record Form(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? Value(string key) => Fields.LastOrDefault(field => field.Key == key).Value;

    public JsonObject Map(string name) =>
        new(Fields.Where(field => field.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .Select(field => KeyValuePair.Create(field.Key[(name.Length + 1)..^1], (JsonNode?)JsonValue.Create(field.Value))));
}

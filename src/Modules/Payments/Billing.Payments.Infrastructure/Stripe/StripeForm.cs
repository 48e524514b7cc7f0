using System.Globalization;
using System.Text;

namespace Billing.Payments.Infrastructure.Stripe;

/// <summary>
/// A Stripe request body: <c>application/x-www-form-urlencoded</c>, nested values with brackets
/// (<c>metadata[billing_invoice_id]=…</c>, <c>payment_method_types[0]=card</c>), in the order added.
/// </summary>
internal sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public StripeForm Add(string key, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(key, value));
        }

        return this;
    }

    public StripeForm Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public StripeForm Add(string key, bool value) => Add(key, value ? "true" : "false");

    public StripeForm Add(string key, DateTimeOffset value) => Add(key, value.ToUnixTimeSeconds());

    public StripeForm AddMap(string key, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            Add($"{key}[{name}]", value);
        }

        return this;
    }

    public StripeForm AddList(string key, params string[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            Add($"{key}[{index}]", values[index]);
        }

        return this;
    }

    /// <summary>Percent-encoded like a browser form; brackets are encoded too, which Stripe accepts.</summary>
    public string Encode()
    {
        var body = new StringBuilder();
        foreach (var (key, value) in _fields)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }
}

using System.Globalization;

namespace Billing.Host.Tests.FakeStripe;

/// <summary>A parameter's shape, checked against a form value the way Stripe checks it.</summary>
internal abstract record Param
{
    /// <summary>Checks one form field: <paramref name="path"/> are the bracketed parts after this parameter's name.</summary>
    public abstract string? Check(string name, ReadOnlySpan<string> path, string value);
}

internal static class P
{
    public static readonly Param Str = new Scalar("string", _ => true);
    public static readonly Param Int = new Scalar("integer", value => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
    public static readonly Param Num = new Scalar("number", value => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _));
    public static readonly Param Bool = new Scalar("boolean", value => value is "true" or "false");

    /// <summary>Free keys with string values: metadata.</summary>
    public static readonly Param Map = new MapParam();

    /// <summary>Not checked further (deep nesting Billing never sends).</summary>
    public static readonly Param Any = new AnyParam();

    public static Param Enum(params string[] values) => new EnumParam(values);

    public static Param List(Param item) => new ListParam(item);

    public static Param OrEmpty(Param inner) => new OrEmptyParam(inner);

    public static Param AnyOf(params Param[] options) => new AnyOfParam(options);

    public static ObjectParam Obj((string Name, Param Param)[] properties, string[]? required = null) =>
        new(properties.ToDictionary(property => property.Name, property => property.Param), required ?? []);
}

internal sealed record Scalar(string Type, Func<string, bool> Accepts) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value)
    {
        if (path.Length > 0)
        {
            return $"Invalid {Type}: {name} is not an object.";
        }

        return Accepts(value) ? null : $"Invalid {Type}: {value}";
    }
}

internal sealed record EnumParam(string[] Values) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value) =>
        path.Length == 0 && Values.Contains(value) ? null : $"Invalid {name}: must be one of {string.Join(", ", Values)}";
}

internal sealed record MapParam : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value) =>
        path.Length switch
        {
            0 when value.Length == 0 => null,
            0 => $"Invalid object: {name} must be a hash of keys to values.",
            1 when path[0].Length is > 0 and <= 40 && value.Length <= 500 => null,
            1 => $"Invalid {name}: keys are at most 40 characters and values at most 500.",
            _ => $"Invalid {name}: values must be strings.",
        };
}

internal sealed record AnyParam : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value) => null;
}

internal sealed record ListParam(Param Item) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value)
    {
        if (path.Length == 0)
        {
            return $"Invalid array: {name} must be sent as {name}[0]=…";
        }

        return path[0].Length == 0 || int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Item.Check($"{name}[{path[0]}]", path[1..], value)
            : $"Invalid array: {name}[{path[0]}] is not an index.";
    }
}

internal sealed record OrEmptyParam(Param Inner) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value) =>
        path.Length == 0 && value.Length == 0 ? null : Inner.Check(name, path, value);
}

internal sealed record AnyOfParam(Param[] Options) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value)
    {
        string? first = null;
        foreach (var option in Options)
        {
            var error = option.Check(name, path, value);
            if (error is null)
            {
                return null;
            }

            first ??= error;
        }

        return first;
    }
}

internal sealed record ObjectParam(IReadOnlyDictionary<string, Param> Properties, string[] Required) : Param
{
    public override string? Check(string name, ReadOnlySpan<string> path, string value)
    {
        if (path.Length == 0)
        {
            return $"Invalid object: {name} must be a hash, sent as {name}[key]=…";
        }

        return Properties.TryGetValue(path[0], out var property)
            ? property.Check($"{name}[{path[0]}]", path[1..], value)
            : $"Received unknown parameter: {name}[{path[0]}]";
    }

    /// <summary>Checks a whole request: every field known and well typed, every required top-level field present.</summary>
    public string? CheckRequest(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        foreach (var (key, value) in fields)
        {
            var parts = FormKey.Split(key);
            if (parts is null)
            {
                return $"Invalid parameter name: {key}";
            }

            if (!Properties.TryGetValue(parts[0], out var property))
            {
                return $"Received unknown parameter: {parts[0]}";
            }

            if (property.Check(parts[0], parts.AsSpan(1), value) is { } error)
            {
                return error;
            }
        }

        var missing = Required.FirstOrDefault(required => !fields.Any(field => FormKey.Split(field.Key)?[0] == required));
        return missing is null ? null : $"Missing required param: {missing}.";
    }
}

/// <summary><c>a[b][0]</c> → <c>["a", "b", "0"]</c>; null when the brackets do not pair.</summary>
internal static class FormKey
{
    public static string[]? Split(string key)
    {
        var open = key.IndexOf('[');
        if (open < 0)
        {
            return key.Length == 0 ? null : [key];
        }

        var parts = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']');
            if (rest[0] != '[' || close < 0)
            {
                return null;
            }

            parts.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        return parts[0].Length == 0 ? null : parts.ToArray();
    }
}

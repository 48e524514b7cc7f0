using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Billing.Host.Http;

/// <summary>
/// API-1: no request list takes <c>null</c> as an element (<c>"charges":[null]</c>), but the
/// serializer would put one in and leave every validator and handler to trip over it. Lists of
/// reference types are read here instead, and a <c>null</c> element is refused as bad JSON naming
/// its place, for every route at once.
/// </summary>
internal sealed class NoNullElements : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ElementOf(typeToConvert) is { IsValueType: false };

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ListConverter<,>).MakeGenericType(typeToConvert, ElementOf(typeToConvert)!))!;

    /// <summary>The element type of the list shapes request bodies use: arrays and the generic list interfaces.</summary>
    private static Type? ElementOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 ? type.GetElementType() : null;
        }

        if (!type.IsGenericType || type.GetGenericArguments() is not [var element])
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
            || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(ImmutableArray<>)
            ? element
            : null;
    }

    private sealed class ListConverter<TList, TElement> : JsonConverter<TList>
        where TList : IEnumerable<TElement>
    {
        public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"The JSON value could not be converted to {typeToConvert}.");
            }

            var elementInfo = (JsonTypeInfo<TElement>)options.GetTypeInfo(typeof(TElement));
            var items = new List<TElement>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    throw new NullElementException(items.Count);
                }

                items.Add(JsonSerializer.Deserialize(ref reader, elementInfo)!);
            }

            return typeof(TList).IsArray ? (TList)(object)items.ToArray()
                : typeof(TList) == typeof(ImmutableArray<TElement>) ? (TList)(object)items.ToImmutableArray()
                : (TList)(object)items;
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            var elementInfo = (JsonTypeInfo<TElement>)options.GetTypeInfo(typeof(TElement));
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, elementInfo);
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>A <c>null</c> element in a request list; the serializer adds the list's path.</summary>
internal sealed class NullElementException(int index) : JsonException($"null is not allowed as an element of a list (index {index}).")
{
    public int Index { get; } = index;
}

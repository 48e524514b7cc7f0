using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// docs-adr/0028: how one column's value is stored, bound by position on a prepared statement.
/// The value goes through the property's EF Core converter, then takes the form Microsoft.Data.Sqlite
/// gives that CLR type (its documented conversions: integers, text for decimals, instants, GUIDs and
/// durations), under the SQLite type and size EF Core's type mapping sets on its parameter, so a row
/// is stored as EF Core stores it. A property of any other kind (a <see cref="DateTime"/>, a REAL
/// instant, a BLOB GUID…) has no form here, and its table is left to EF Core.
/// <c>AddedRowsTests</c> holds every form to EF Core's own writes, column by column.
/// </summary>
internal sealed class StoredForm
{
    private static readonly ConcurrentDictionary<IProperty, StoredForm?> Forms = new();

    private readonly ValueConverter? _converter;
    private readonly int _size;

    private StoredForm(ValueConverter? converter, int size)
    {
        _converter = converter;
        _size = size;
    }

    /// <summary>The form of a property's column, or null when its values are left to EF Core.</summary>
    public static StoredForm? Of(IProperty property) => Forms.GetOrAdd(property, Create);

    /// <summary>Binds the model's value of the column to the statement's parameter at <paramref name="position"/> (from 1).</summary>
    public void Bind(PreparedStatement statement, int position, object? value)
    {
        if (value is not null && _converter is not null)
        {
            value = _converter.ConvertToProvider(value);
        }

        switch (value)
        {
            case null:
                statement.BindNull(position);
                break;
            case string text:
                statement.Bind(position, _size > 0 && text.Length > _size ? text[.._size] : text);
                break;
            case bool flag:
                statement.Bind(position, flag ? 1L : 0L);
                break;
            case int or long or short or byte or sbyte or ushort or uint or Enum:
                statement.Bind(position, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal amount:
                statement.Bind(position, amount.ToString("0.0###########################", CultureInfo.InvariantCulture));
                break;
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                statement.BindReal(position, double.IsNaN(real) ? throw new InvalidOperationException("SQLite cannot store NaN.") : real);
                break;
            case DateTimeOffset instant:
                statement.Bind(position, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                statement.Bind(position, guid.ToString().ToUpperInvariant());
                break;
            case TimeSpan duration:
                statement.Bind(position, duration.ToString("c", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                statement.BindBlob(position, _size > 0 && bytes.Length > _size ? bytes.AsSpan(0, _size) : bytes);
                break;
            default:
                throw new InvalidOperationException($"A {value.GetType().Name} has no stored form here; its table should have been left to EF Core.");
        }
    }

    private static StoredForm? Create(IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var converter = mapping.Converter;
        var provider = converter?.ProviderClrType ?? mapping.ClrType;
        var stored = Nullable.GetUnderlyingType(provider) ?? provider;

        // The parameter EF Core would bind: its SQLite type picks text or another form, its size truncates.
        using var command = new SqliteCommand();
        var parameter = (SqliteParameter)mapping.CreateParameter(command, "$p", null, property.IsNullable);
        var supported = stored.IsEnum || IsInteger(stored) || stored == typeof(bool) || stored == typeof(string) || stored == typeof(decimal)
            || stored == typeof(double) || stored == typeof(float) || stored == typeof(byte[])
            || ((stored == typeof(DateTimeOffset) || stored == typeof(TimeSpan)) && parameter.SqliteType != SqliteType.Real)
            || (stored == typeof(Guid) && parameter.SqliteType != SqliteType.Blob);
        return supported ? new StoredForm(converter, parameter.Size) : null;
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint);
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;

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
    private readonly Kind _kind;
    private readonly int _size;

    private StoredForm(ValueConverter? converter, Kind kind, int size)
    {
        _converter = converter;
        _kind = kind;
        _size = size;
    }

    /// <summary>The SQLite forms written here; the column's provider type picks one, once.</summary>
    private enum Kind
    {
        Text,
        Integer,
        Boolean,
        Decimal,
        Real,
        Instant,
        Guid,
        Duration,
        Blob,
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

        if (value is null)
        {
            statement.BindNull(position);
            return;
        }

        switch (_kind)
        {
            case Kind.Text:
                var text = (string)value;
                statement.Bind(position, _size > 0 && text.Length > _size ? text[.._size] : text);
                break;
            case Kind.Integer:
                statement.Bind(position, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case Kind.Boolean:
                statement.Bind(position, (bool)value ? 1L : 0L);
                break;
            case Kind.Decimal:
                statement.Bind(position, ((decimal)value).ToString("0.0###########################", CultureInfo.InvariantCulture));
                break;
            case Kind.Real:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                statement.BindReal(position, double.IsNaN(real) ? throw new InvalidOperationException("SQLite cannot store NaN.") : real);
                break;
            case Kind.Instant:
                statement.Bind(position, ((DateTimeOffset)value).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case Kind.Guid:
                statement.Bind(position, ((Guid)value).ToString().ToUpperInvariant());
                break;
            case Kind.Duration:
                statement.Bind(position, ((TimeSpan)value).ToString("c", CultureInfo.InvariantCulture));
                break;
            case Kind.Blob:
                var bytes = (byte[])value;
                statement.BindBlob(position, _size > 0 && bytes.Length > _size ? bytes.AsSpan(0, _size) : bytes);
                break;
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
        Kind? kind = stored switch
        {
            _ when stored == typeof(string) => Kind.Text,
            _ when stored.IsEnum || stored == typeof(int) || stored == typeof(long) || stored == typeof(short) || stored == typeof(byte)
                || stored == typeof(sbyte) || stored == typeof(ushort) || stored == typeof(uint) => Kind.Integer,
            _ when stored == typeof(bool) => Kind.Boolean,
            _ when stored == typeof(decimal) => Kind.Decimal,
            _ when stored == typeof(double) || stored == typeof(float) => Kind.Real,
            _ when stored == typeof(DateTimeOffset) && parameter.SqliteType != SqliteType.Real => Kind.Instant,
            _ when stored == typeof(Guid) && parameter.SqliteType != SqliteType.Blob => Kind.Guid,
            _ when stored == typeof(TimeSpan) && parameter.SqliteType != SqliteType.Real => Kind.Duration,
            _ when stored == typeof(byte[]) => Kind.Blob,
            _ => null,
        };
        return kind is { } form ? new StoredForm(converter, form, parameter.Size) : null;
    }
}

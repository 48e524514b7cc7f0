using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// SQLite has no instant type and EF Core's SQLite provider cannot compare or order
/// <see cref="DateTimeOffset"/>. Every instant is stored as fixed-width UTC ISO 8601 text
/// (<c>2026-04-30T18:30:00.0000000Z</c>): readable, and text order is time order.
/// Applied by the SQLite adapter only; PostgreSQL keeps timestamptz.
/// </summary>
public sealed class UtcInstantToTextConverter() : ValueConverter<DateTimeOffset, string>(
    instant => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    text => new DateTimeOffset(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero))
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}

using System.Runtime.CompilerServices;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;
using Npgsql;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres;

/// <summary>
/// INV-13 on PostgreSQL: the list's own statement (<see cref="InvoiceListStatement"/>) in PostgreSQL's
/// dialect, read with Npgsql. The environment is a condition of every statement (ENV-1).
/// </summary>
internal sealed class PostgresInvoiceListReader(BillingDatabaseOptions database, ICallerContext caller) : IInvoiceListReader
{
    public async Task<IReadOnlyList<InvoiceListRow>> PageAsync(ListInvoicesQuery filters, NewestFirstCursor? after, int rows, CancellationToken cancellationToken)
    {
        var page = new List<InvoiceListRow>(rows);
        await foreach (var row in ReadAsync(filters, after, rows, cancellationToken))
        {
            page.Add(row);
        }

        return page;
    }

    public IAsyncEnumerable<InvoiceListRow> StreamAsync(ListInvoicesQuery filters, CancellationToken cancellationToken) =>
        ReadAsync(filters, after: null, rows: null, cancellationToken);

    private async IAsyncEnumerable<InvoiceListRow> ReadAsync(
        ListInvoicesQuery filters, NewestFirstCursor? after, int? rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Statement(filters, after, rows);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new InvoiceListRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Enum.Parse<InvoiceKind>(reader.GetString(2)),
                Enum.Parse<InvoiceStatus>(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                Currency.FromCode(reader.GetString(6)),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                PostgresDatabase.Trimmed(reader.GetDecimal(12)));
        }
    }

    private NpgsqlCommand Statement(ListInvoicesQuery filters, NewestFirstCursor? after, int? rows)
    {
        var list = new InvoiceListStatement(caller.Environment.ToWireName(), filters, after, rows, PostgresInvoiceListDialect.Instance);
        var command = database.DataSource().CreateCommand(list.Sql);
        foreach (var (name, value) in list.Values)
        {
            command.Parameters.AddWithValue(name[1..], value);
        }

        return command;
    }
}

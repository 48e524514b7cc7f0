using System.Runtime.CompilerServices;
using System.Text;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;
using Npgsql;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres;

/// <summary>
/// INV-13 on PostgreSQL: one statement with only the conditions the filters use, newest first by
/// the keyset (created_at, id) as a row value, which the index answers as a range; the search is the
/// list's everywhere (docs-adr/0025): the exact number or customer id, or part of the customer's name
/// or external id in any case. The environment is a condition of every statement (ENV-1).
/// </summary>
internal sealed class PostgresInvoiceListReader(BillingDatabaseOptions database, ICallerContext caller) : IInvoiceListReader
{
    private const string Columns =
        "id, number, kind, status, customer_id, customer_name, currency, period_start, period_end, created_at, issued_at, due_date, total";

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
        var command = database.DataSource().CreateCommand();
        var sql = new StringBuilder(400).Append($"SELECT {Columns} FROM invoicing.invoices WHERE environment = @environment");
        command.Parameters.Add(new NpgsqlParameter<string>("environment", caller.Environment.ToWireName()));
        if (filters.Customer is { } customer)
        {
            sql.Append(" AND customer_id = @customer");
            command.Parameters.Add(new NpgsqlParameter<string>("customer", customer));
        }

        if (filters.Status is { } status)
        {
            sql.Append(" AND status = @status");
            command.Parameters.Add(new NpgsqlParameter<string>("status", WireName.Parse<InvoiceStatus>(status).ToString()));
        }

        if (filters.From is { } from)
        {
            sql.Append(" AND created_at >= @from");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", PostgresDatabase.MicrosecondCeiling(from)));
        }

        if (filters.To is { } to)
        {
            sql.Append(" AND created_at < @to");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", PostgresDatabase.MicrosecondCeiling(to)));
        }

        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var term = filters.Q.Trim();
            sql.Append(" AND (number = @number OR customer_id = @q OR strpos(lower(customer_name), @term) > 0 OR strpos(lower(customer_external_id), @term) > 0)");
            command.Parameters.Add(new NpgsqlParameter<string>("number", term.ToUpperInvariant()));
            command.Parameters.Add(new NpgsqlParameter<string>("q", term));
            command.Parameters.Add(new NpgsqlParameter<string>("term", term.ToLowerInvariant()));
        }

        if (after is not null)
        {
            sql.Append(" AND (created_at, id) < (@after_created_at, @after_id)");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("after_created_at", after.CreatedAt.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter<string>("after_id", after.Id));
        }

        sql.Append(" ORDER BY created_at DESC, id DESC");
        if (rows is { } limit)
        {
            sql.Append(" LIMIT @rows");
            command.Parameters.Add(new NpgsqlParameter<int>("rows", limit));
        }

        command.CommandText = sql.ToString();
        return command;
    }
}

using System.Buffers.Text;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Infrastructure.Persistence.Sqlite;

/// <summary>
/// INV-13 on a kept connection with its statements prepared once (docs-adr/0025): a page costs the
/// rows it reads, not a DbContext, a query-cache lookup, a statement preparation and a materializer.
/// The environment is a condition of every statement, as EF Core's filter makes it everywhere else
/// (ENV-1).
/// </summary>
internal sealed class SqliteInvoiceListReader(ReadConnections connections, ICallerContext caller) : IInvoiceListReader
{
    public Task<IReadOnlyList<InvoiceListRow>> PageAsync(ListInvoicesQuery filters, NewestFirstCursor? after, int rows, CancellationToken cancellationToken)
    {
        var page = new List<InvoiceListRow>(rows);
        foreach (var row in Read(new InvoiceListStatement(caller.Environment.ToWireName(), filters, after, rows, SqliteInvoiceListDialect.Instance), cancellationToken))
        {
            page.Add(row);
        }

        return Task.FromResult<IReadOnlyList<InvoiceListRow>>(page);
    }

    // SQLite reads synchronously; the export's writer awaits the network between rows, with the connection lent until it ends.
    public IAsyncEnumerable<InvoiceListRow> StreamAsync(ListInvoicesQuery filters, CancellationToken cancellationToken) =>
        Read(new InvoiceListStatement(caller.Environment.ToWireName(), filters, after: null, rows: null, SqliteInvoiceListDialect.Instance), cancellationToken).ToAsyncEnumerable();

    private IEnumerable<InvoiceListRow> Read(InvoiceListStatement list, CancellationToken cancellationToken)
    {
        using var connection = connections.Rent();
        var statement = connection.Statement(list.Sql);
        try
        {
            foreach (var (name, value) in list.Values)
            {
                if (value is int number)
                {
                    statement.Bind(name, number);
                }
                else
                {
                    statement.Bind(name, (string)value);
                }
            }

            while (statement.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Row(statement);
            }
        }
        finally
        {
            statement.Reset();
        }
    }

    // Columns in InvoiceListStatement.Columns order, in the stored forms the EF Core mapping writes.
    private static InvoiceListRow Row(PreparedStatement row) => new(
        row.Text(0)!,
        row.Text(1),
        StoredName<InvoiceKind>.Parse(row.Utf8(2)),
        StoredName<InvoiceStatus>.Parse(row.Utf8(3)),
        row.Text(4)!,
        row.Text(5)!,
        Currency.FromCode(row.Text(6)!),
        UtcInstantToTextConverter.FromText(row.Utf8(7)),
        UtcInstantToTextConverter.FromText(row.Utf8(8)),
        UtcInstantToTextConverter.FromText(row.Utf8(9)),
        row.IsNull(10) ? null : UtcInstantToTextConverter.FromText(row.Utf8(10)),
        row.IsNull(11) ? null : UtcInstantToTextConverter.FromText(row.Utf8(11)),
        Decimal(row.Utf8(12)));

    private static decimal Decimal(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out decimal value, out var consumed) && consumed == utf8.Length
            ? value
            : throw new FormatException($"'{System.Text.Encoding.UTF8.GetString(utf8)}' is not a stored amount.");
}

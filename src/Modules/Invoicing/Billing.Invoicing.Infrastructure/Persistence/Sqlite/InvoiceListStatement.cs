using System.Text;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Billing.BuildingBlocks.Infrastructure.Persistence.Sqlite;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The list's statement (INV-13) with only the conditions its filters use, so SQLite picks the index
/// that fits them, newest first; values are bound, so a connection prepares each shape once. Its
/// search is the one EF Core wrote for the list before (docs-adr/0025): the exact number or customer
/// id, or part of the customer's name or external id, ASCII letters in any case. The keyset is a row
/// value, which SQLite turns into a range on the index.
/// </summary>
internal sealed class InvoiceListStatement
{
    public const string Columns =
        "id, number, kind, status, customer_id, customer_name, currency, period_start, period_end, created_at, issued_at, due_date, total";

    private readonly List<(string Name, string Value)> _values = [];

    public InvoiceListStatement(string environment, ListInvoicesQuery filters, NewestFirstCursor? after, int? rows)
    {
        var sql = new StringBuilder(400).Append($"SELECT {Columns} FROM {InvoicingDbContext.InvoicesTable} WHERE environment = $environment");
        _values.Add(("$environment", environment));
        if (filters.Customer is { } customer)
        {
            Condition(sql, "customer_id = $customer", ("$customer", customer));
        }

        if (filters.Status is { } status)
        {
            Condition(sql, "status = $status", ("$status", WireName.Parse<InvoiceStatus>(status).ToString()));
        }

        if (filters.From is { } from)
        {
            Condition(sql, "created_at >= $from", ("$from", UtcInstantToTextConverter.ToText(from)));
        }

        if (filters.To is { } to)
        {
            Condition(sql, "created_at < $to", ("$to", UtcInstantToTextConverter.ToText(to)));
        }

        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var term = filters.Q.Trim();
            Condition(
                sql,
                "(number = $number OR customer_id = $q OR instr(lower(customer_name), $term) > 0 OR instr(lower(customer_external_id), $term) > 0)",
                ("$number", term.ToUpperInvariant()),
                ("$q", term),
                ("$term", term.ToLowerInvariant()));
        }

        if (after is not null)
        {
            Condition(sql, "(created_at, id) < ($after_created_at, $after_id)", ("$after_created_at", UtcInstantToTextConverter.ToText(after.CreatedAt)), ("$after_id", after.Id));
        }

        sql.Append(" ORDER BY created_at DESC, id DESC");
        if (rows is not null)
        {
            sql.Append(" LIMIT $rows");
        }

        Sql = sql.ToString();
        Rows = rows;
    }

    public string Sql { get; }

    public int? Rows { get; }

    public IReadOnlyList<(string Name, string Value)> Values => _values;

    public void BindTo(PreparedStatement statement)
    {
        foreach (var (name, value) in _values)
        {
            statement.Bind(name, value);
        }

        if (Rows is { } rows)
        {
            statement.Bind("$rows", rows);
        }
    }

    private void Condition(StringBuilder sql, string condition, params (string Name, string Value)[] values)
    {
        sql.Append(" AND ").Append(condition);
        _values.AddRange(values);
    }
}

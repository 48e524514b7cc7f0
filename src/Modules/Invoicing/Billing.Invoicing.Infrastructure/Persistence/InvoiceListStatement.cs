using System.Text;
using Billing.BuildingBlocks.Application.Paging;
using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Application.Invoices.ListInvoices;
using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>
/// The list's statement (INV-13), for every provider, with only the conditions its filters use, so
/// the database picks the index that fits them, newest first; values are bound, so a connection
/// prepares each shape once. Its search is the one EF Core wrote for the list before (docs-adr/0025):
/// the exact number or customer id, or part of the customer's name or external id, ASCII letters in
/// any case. The keyset is a row value, which both providers turn into a range on the index. What
/// differs between providers (the table's name, how an instant is bound, substring search) is the
/// <see cref="InvoiceListDialect"/>'s.
/// </summary>
internal sealed class InvoiceListStatement
{
    public const string Columns =
        "id, number, kind, status, customer_id, customer_name, currency, period_start, period_end, created_at, issued_at, due_date, total";

    private readonly List<(string Name, object Value)> _values = [];

    public InvoiceListStatement(string environment, ListInvoicesQuery filters, NewestFirstCursor? after, int? rows, InvoiceListDialect dialect)
    {
        var sql = new StringBuilder(400).Append($"SELECT {Columns} FROM {dialect.Table} WHERE environment = @environment");
        _values.Add(("@environment", environment));
        if (filters.Customer is { } customer)
        {
            Condition(sql, "customer_id = @customer", ("@customer", customer));
        }

        if (filters.Status is { } status)
        {
            Condition(sql, "status = @status", ("@status", WireName.Parse<InvoiceStatus>(status).ToString()));
        }

        if (filters.From is { } from)
        {
            Condition(sql, "created_at >= @from", ("@from", dialect.Instant(from)));
        }

        if (filters.To is { } to)
        {
            Condition(sql, "created_at < @to", ("@to", dialect.Instant(to)));
        }

        if (!string.IsNullOrWhiteSpace(filters.Q))
        {
            var term = filters.Q.Trim();
            Condition(
                sql,
                $"(number = @number OR customer_id = @q OR {dialect.Contains("customer_name", "@term")} OR {dialect.Contains("customer_external_id", "@term")})",
                ("@number", term.ToUpperInvariant()),
                ("@q", term),
                ("@term", term.ToLowerInvariant()));
        }

        if (after is not null)
        {
            Condition(sql, "(created_at, id) < (@after_created_at, @after_id)", ("@after_created_at", dialect.Instant(after.CreatedAt)), ("@after_id", after.Id));
        }

        sql.Append(" ORDER BY created_at DESC, id DESC");
        if (rows is { } limit)
        {
            sql.Append(" LIMIT @rows");
            _values.Add(("@rows", limit));
        }

        Sql = sql.ToString();
    }

    public string Sql { get; }

    /// <summary>Every parameter of <see cref="Sql"/> with its value: text, a whole number, or an instant in the dialect's form.</summary>
    public IReadOnlyList<(string Name, object Value)> Values => _values;

    private void Condition(StringBuilder sql, string condition, params (string Name, object Value)[] values)
    {
        sql.Append(" AND ").Append(condition);
        _values.AddRange(values);
    }
}

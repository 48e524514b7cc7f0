using Billing.BuildingBlocks.Infrastructure.Persistence;

namespace Billing.Invoicing.Infrastructure.Persistence.Sqlite;

/// <summary>SQLite's invoice list: the prefixed table, instants as their stored sortable text.</summary>
internal sealed class SqliteInvoiceListDialect : InvoiceListDialect
{
    public static readonly SqliteInvoiceListDialect Instance = new();

    public override string Table => InvoicingDbContext.InvoicesTable;

    public override object Instant(DateTimeOffset instant) => UtcInstantToTextConverter.ToText(instant);

    public override string Contains(string column, string parameter) => $"instr(lower({column}), {parameter}) > 0";
}

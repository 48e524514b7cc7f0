using Billing.BuildingBlocks.Infrastructure.Persistence.Postgres;

namespace Billing.Invoicing.Infrastructure.Persistence.Postgres;

/// <summary>PostgreSQL's invoice list: the module's schema, instants as timestamptz to the microsecond it keeps.</summary>
internal sealed class PostgresInvoiceListDialect : InvoiceListDialect
{
    public static readonly PostgresInvoiceListDialect Instance = new();

    public override string Table => "invoicing.invoices";

    public override object Instant(DateTimeOffset instant) => PostgresDatabase.MicrosecondCeiling(instant);

    public override string Contains(string column, string parameter) => $"strpos(lower({column}), {parameter}) > 0";
}

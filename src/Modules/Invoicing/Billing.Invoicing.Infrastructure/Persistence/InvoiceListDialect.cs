namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>What a provider writes its own way in the invoice list's statement (<see cref="InvoiceListStatement"/>).</summary>
internal abstract class InvoiceListDialect
{
    /// <summary>The invoices' table as the provider names it.</summary>
    public abstract string Table { get; }

    /// <summary>An instant as the provider compares it with a stored one.</summary>
    public abstract object Instant(DateTimeOffset instant);

    /// <summary>Whether the lower-cased <paramref name="column"/> contains the (lower-case) text of <paramref name="parameter"/>.</summary>
    public abstract string Contains(string column, string parameter);
}

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>
/// INV-7: the last invoice number given in one environment (its wire name is the key). Written
/// only by <see cref="InvoiceNumbers"/>, in the finalizing transaction; in the model so that its
/// table is migrated and proven like every other.
/// </summary>
internal sealed class InvoiceNumberCounter
{
    public const string Table = "invoicing_invoice_numbers";

    private InvoiceNumberCounter()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public long Last { get; private set; }
}

using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices.Composing;

internal static class ComposedInvoiceRating
{
    /// <summary>The composed lines, plan version and plan (another than the draft's after a plan change, PLN-6) onto a draft.</summary>
    public static void Rate(this Invoice invoice, ComposedInvoice composed)
    {
        invoice.RatedOn(composed.PlanId, composed.PlanCode);
        invoice.Recompute(composed.PlanVersion, composed.Lines);
    }
}

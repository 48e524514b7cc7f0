using Billing.Invoicing.Domain.Invoices;

namespace Billing.Invoicing.Application.Invoices.Composing;

internal static class ComposedInvoiceRating
{
    /// <summary>The composed lines, plan version and (after a plan change, PLN-6) plan onto a draft.</summary>
    public static void Rate(this Invoice invoice, ComposedInvoice composed)
    {
        if (composed.PlanId is { } planId)
        {
            invoice.RatedOn(planId, composed.PlanCode!);
        }

        invoice.Recompute(composed.PlanVersion, composed.Lines);
    }
}

namespace Billing.Payments.Domain.Collections;

/// <summary>What an admin's second charge does: ask for payment again, or finish a send that stopped.</summary>
internal enum ChargeAgain
{
    Collect,
    Resend,
}

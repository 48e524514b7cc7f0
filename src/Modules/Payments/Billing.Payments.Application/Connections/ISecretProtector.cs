namespace Billing.Payments.Application.Connections;

/// <summary>PAY-1: secrets are encrypted at rest; the infrastructure decides how (ASP.NET Core Data Protection).</summary>
internal interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

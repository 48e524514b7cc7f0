using Billing.Payments.Application.Connections;
using Microsoft.AspNetCore.DataProtection;

namespace Billing.Payments.Infrastructure.Connections;

/// <summary>PAY-1: secrets at rest are encrypted with ASP.NET Core Data Protection, its key ring beside the database (docs-adr/0021).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Billing.Payments.StripeConnection.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

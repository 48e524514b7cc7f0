using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;

namespace Billing.BuildingBlocks.Infrastructure.Access;

/// <summary>The scoped caller: set once by authentication or by a background job, read everywhere.</summary>
public sealed class CallerContext : ICallerContext
{
    private BillingEnvironment? _environment;
    private string? _actor;

    public BillingEnvironment Environment =>
        _environment ?? throw new InvalidOperationException("No caller environment is set in this scope (ENV-1): authenticate the request or set it for the job.");

    public string Actor => _actor ?? throw new InvalidOperationException("No caller is set in this scope.");

    public bool IsSet => _environment is not null;

    public void Set(BillingEnvironment environment, string actor)
    {
        if (_environment is not null && (_environment != environment || _actor != actor))
        {
            throw new InvalidOperationException("The caller of a scope is set once.");
        }

        _environment = environment;
        _actor = actor;
    }
}

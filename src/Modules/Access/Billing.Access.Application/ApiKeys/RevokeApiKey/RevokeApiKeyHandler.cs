using Billing.Access.Contracts;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Domain;
using MediatR;

namespace Billing.Access.Application.ApiKeys.RevokeApiKey;

internal sealed class RevokeApiKeyHandler(IApiKeyRepository keys, IRevokedKeys revoked, ICallerContext caller, TimeProvider clock)
    : IRequestHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await keys.FindAsync(caller.Environment, command.Id, cancellationToken)
            ?? throw new NotFoundException(ApiKeyMapping.ResourceName, command.Id);
        if (key.IsActive && key.Role == ApiKeyRole.Admin && await keys.CountActiveAdminsAsync(caller.Environment, exceptId: key.Id, cancellationToken) == 0)
        {
            throw new BusinessRuleViolation("last_admin_key", "This is the last active admin key of the environment; create another before revoking it.");
        }

        key.Revoke(clock.GetUtcNow());
        await keys.SaveChangesAsync(cancellationToken);
        revoked.Forget(key.Hash);
        return key.ToDto();
    }
}

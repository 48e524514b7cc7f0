using Billing.Access.Contracts;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Validation;
using MediatR;

namespace Billing.Access.Application.ApiKeys.CreateApiKey;

internal sealed class CreateApiKeyHandler(IApiKeyRepository keys, ICallerContext caller, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var secret = ApiKey.NewSecret(caller.Environment);
        var key = ApiKey.Create(secret, command.Name!, caller.Environment, WireName.Parse<ApiKeyRole>(command.Role!), "api", clock.GetUtcNow());
        keys.Add(key);
        await keys.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.ToDto(), secret);
    }
}

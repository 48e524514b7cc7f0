using Billing.Access.Contracts;
using MediatR;

namespace Billing.Access.Application.ApiKeys.RevokeApiKey;

/// <summary>ENV-4: revoke a key of the caller's environment; the last active admin key cannot be revoked. Saved by its handler (see <c>CreateApiKeyCommand</c>).</summary>
internal sealed record RevokeApiKeyCommand(string Id) : IRequest<ApiKeyDto>;

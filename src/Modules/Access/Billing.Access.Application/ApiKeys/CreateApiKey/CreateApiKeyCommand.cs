using Billing.Access.Contracts;
using MediatR;

namespace Billing.Access.Application.ApiKeys.CreateApiKey;

/// <summary>
/// ENV-2, ENV-4: a key in the caller's environment. A plain request, not a module command: keys
/// live outside the environment-scoped module schema, so the handler saves its one row itself.
/// </summary>
internal sealed record CreateApiKeyCommand(string? Name, string? Role) : IRequest<CreatedApiKeyDto>;

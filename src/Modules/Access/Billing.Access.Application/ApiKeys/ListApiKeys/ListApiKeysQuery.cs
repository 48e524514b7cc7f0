using Billing.Access.Contracts;
using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Application.Paging;
using MediatR;

namespace Billing.Access.Application.ApiKeys.ListApiKeys;

/// <summary>ENV-2: the keys of the caller's environment, newest first, in one page (an environment has a handful).</summary>
internal sealed record ListApiKeysQuery : IQuery<CursorPage<ApiKeyDto>>;

internal sealed class ListApiKeysHandler(IApiKeyRepository keys, ICallerContext caller) : IRequestHandler<ListApiKeysQuery, CursorPage<ApiKeyDto>>
{
    public async Task<CursorPage<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var listed = await keys.ListAsync(caller.Environment, cancellationToken);
        return new CursorPage<ApiKeyDto>(listed.Select(key => key.ToDto()).ToList(), HasMore: false, NextCursor: null);
    }
}

namespace Billing.BuildingBlocks.Application.Paging;

/// <summary>
/// One page of a list. <see cref="NextCursor"/> is opaque; pass it back as <c>cursor</c> for the
/// next page. It is null on the last page.
/// </summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Data, bool HasMore, string? NextCursor);

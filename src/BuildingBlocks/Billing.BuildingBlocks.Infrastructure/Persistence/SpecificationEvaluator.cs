using System.Linq.Expressions;
using Billing.BuildingBlocks.Application.Specifications;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Turns a <see cref="Specification{T}"/> into a query: criteria, then ordering, then limit.</summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(this IQueryable<T> query, Specification<T> specification)
    {
        foreach (var criterion in specification.Criteria)
        {
            query = query.Where(criterion);
        }

        var first = true;
        foreach (var (keySelector, descending) in specification.Ordering)
        {
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            query = query.Provider.CreateQuery<T>(Expression.Call(
                typeof(Queryable), method, [typeof(T), keySelector.ReturnType], query.Expression, Expression.Quote(keySelector)));
            first = false;
        }

        return specification.Take is { } take ? query.Take(take) : query;
    }
}

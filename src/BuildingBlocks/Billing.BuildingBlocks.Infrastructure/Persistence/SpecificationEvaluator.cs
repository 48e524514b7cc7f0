using Ardalis.Specification;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Turns an Ardalis specification into a query: criteria, then ordering, then paging. The package's
/// EF Core evaluator is not served here, and these three are all the specifications use
/// (docs-adr/0035).
/// </summary>
public static class SpecificationEvaluator
{
    private static readonly IEvaluator[] Evaluators = [WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance];

    public static IQueryable<T> Apply<T>(this IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var evaluator in Evaluators)
        {
            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }
}

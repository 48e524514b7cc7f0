using System.Linq.Expressions;

namespace Billing.BuildingBlocks.Application.Specifications;

/// <summary>
/// A named query over one aggregate: criteria, ordering and a row limit, written in Application and
/// evaluated by Infrastructure (the Ardalis.Specification idea; see docs-adr/0005).
/// </summary>
public abstract class Specification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<(LambdaExpression KeySelector, bool Descending)> _ordering = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    public IReadOnlyList<(LambdaExpression KeySelector, bool Descending)> Ordering => _ordering;

    public int? Take { get; private set; }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    protected void OrderBy<TKey>(Expression<Func<T, TKey>> keySelector) => _ordering.Add((keySelector, false));

    protected void OrderByDescending<TKey>(Expression<Func<T, TKey>> keySelector) => _ordering.Add((keySelector, true));

    protected void Limit(int rows) => Take = rows;
}

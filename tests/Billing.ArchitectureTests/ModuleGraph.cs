namespace Billing.ArchitectureTests;

/// <summary>Which module uses which other module's Contracts, and the cycles that makes (rule 9): NetArchTest finds the edges, this finds the loops.</summary>
public static class ModuleGraph
{
    /// <summary>Each edge that lies on a cycle, with one cycle through it (<c>A → B → A</c>).</summary>
    public static IEnumerable<(string From, string To, string Cycle)> EdgesOnCycles(IReadOnlyCollection<(string From, string To)> edges)
    {
        foreach (var (from, to) in edges)
        {
            if (PathBetween(edges, to, from) is { } back)
            {
                yield return (from, to, string.Join(" → ", [from, .. back]));
            }
        }
    }

    /// <summary>The shortest path from <paramref name="start"/> to <paramref name="goal"/>, both included; null when there is none.</summary>
    private static List<string>? PathBetween(IReadOnlyCollection<(string From, string To)> edges, string start, string goal)
    {
        var cameFrom = new Dictionary<string, string?> { [start] = null };
        var frontier = new Queue<string>([start]);
        while (frontier.TryDequeue(out var node))
        {
            if (node == goal)
            {
                var path = new List<string>();
                for (string? step = node; step is not null; step = cameFrom[step])
                {
                    path.Insert(0, step);
                }

                return path;
            }

            foreach (var (_, next) in edges.Where(edge => edge.From == node))
            {
                if (cameFrom.TryAdd(next, node))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        return null;
    }
}

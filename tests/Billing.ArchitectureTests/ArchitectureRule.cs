using NetArchTest.Rules;

namespace Billing.ArchitectureTests;

/// <summary>A broken rule: the offending type, and what it does wrong.</summary>
public sealed record Violation(string Rule, string Type, string What)
{
    public override string ToString() => $"[{Rule}] {Type} {What}";
}

/// <summary>A rule of ARCHITECTURE.md: its name, and how it finds the types that break it in a codebase.</summary>
public sealed class ArchitectureRule(string name, Func<Codebase, IEnumerable<(Type Type, string What)>> find)
{
    public string Name => name;

    public IReadOnlyList<Violation> Check(Codebase codebase) =>
        find(codebase).Select(found => new Violation(name, found.Type.FullName ?? found.Type.Name, found.What)).Distinct().ToList();

    /// <summary>The types of <paramref name="namespaceRegex"/> that fail <paramref name="condition"/>, each with <paramref name="what"/>.</summary>
    public static IEnumerable<(Type, string)> Failing(Codebase codebase, string namespaceRegex, Func<Conditions, ConditionList> condition, string what) =>
        Failing(condition(codebase.Types().That().ResideInNamespaceMatching(namespaceRegex).Should()), what);

    public static IEnumerable<(Type, string)> Failing(ConditionList conditions, string what) =>
        (conditions.GetResult().FailingTypes ?? []).Select(type => (type, what));

    public override string ToString() => name;
}

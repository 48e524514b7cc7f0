using Mono.Cecil;

namespace Billing.ArchitectureTests.Fluent;

/// <summary>A broken rule: the offending type, and what it uses or is.</summary>
public sealed record Violation(string Rule, string Type, string What)
{
    public override string ToString() => $"[{Rule}] {Type} {What}";
}

/// <summary>
/// A rule over product assemblies, written fluently:
/// <c>ArchRule.For("…").Assemblies(a => …).MayOnlyUse((a, d) => …)</c> or <c>.Types(…).Must(…)</c>.
/// </summary>
public sealed class ArchRule
{
    private readonly string _name;
    private Func<ProductAssembly, bool> _assemblies = _ => true;
    private Func<ProductAssembly, TypeDefinition, bool> _types = (_, _) => true;
    private Func<ProductAssembly, TypeDefinition, IEnumerable<string>>? _check;

    private ArchRule(string name) => _name = name;

    public static ArchRule For(string name) => new(name);

    public ArchRule Assemblies(Func<ProductAssembly, bool> selection)
    {
        _assemblies = selection;
        return this;
    }

    public ArchRule Types(Func<ProductAssembly, TypeDefinition, bool> selection)
    {
        _types = selection;
        return this;
    }

    /// <summary>Every dependency of the selected types must be allowed.</summary>
    public ArchRule MayOnlyUse(Func<ProductAssembly, Dependency, bool> allowed)
    {
        _check = (assembly, type) => Dependencies.Of(type)
            .Where(dependency => !allowed(assembly, dependency))
            .Select(dependency => $"uses {dependency.Type} ({dependency.Assembly})");
        return this;
    }

    /// <summary>Each selected type must satisfy the condition; the message says what it is instead.</summary>
    public ArchRule Must(Func<TypeDefinition, bool> condition, Func<TypeDefinition, string> whatItIs)
    {
        _check = (_, type) => condition(type) ? [] : [whatItIs(type)];
        return this;
    }

    public IReadOnlyList<Violation> Check(IEnumerable<ProductAssembly> product) =>
        product.Where(_assemblies)
            .SelectMany(assembly => assembly.Types
                .Where(type => !IsCompilerGenerated(type) && _types(assembly, type))
                .SelectMany(type => (_check ?? throw new InvalidOperationException($"Rule {_name} checks nothing."))(assembly, type)
                    .Select(what => new Violation(_name, type.FullName, what))))
            .ToList();

    private static bool IsCompilerGenerated(TypeDefinition type) =>
        type.Name.StartsWith('<') || type.CustomAttributes.Any(attribute => attribute.AttributeType.Name == "CompilerGeneratedAttribute" && type.Name.Contains('<'));
}

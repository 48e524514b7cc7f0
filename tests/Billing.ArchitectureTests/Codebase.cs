using System.Reflection;
using NetArchTest.Rules;

namespace Billing.ArchitectureTests;

/// <summary>
/// What the rules read: a set of assemblies and the modules of the layout. The product's are found
/// from the repository (every project under <c>src/</c>, every folder under <c>src/Modules</c>), so
/// a new project or module is covered the day it appears; the planted violations are one test-only
/// assembly in the same namespaces. The rules select types by namespace, so
/// <see cref="Rules.NamespacesFollowAssemblies"/> keeps namespaces and assemblies in step.
/// </summary>
public sealed class Codebase(IReadOnlyList<Assembly> assemblies, IReadOnlyList<string> modules)
{
    public static readonly string[] ModuleLayers = ["Contracts", "Domain", "Application", "Infrastructure", "Web"];

    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Billing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Billing.sln not found above " + AppContext.BaseDirectory);
    });

    public IReadOnlyList<Assembly> Assemblies => assemblies;

    public IReadOnlyList<string> Modules => modules;

    public static string RepositoryRoot => Root.Value;

    public static Codebase Product { get; } = new(SourceProjects().Select(name => Assembly.Load(name)).ToList(), ModuleFolders());

    public static Codebase Planted { get; } = new([typeof(Billing.Customers.Domain.Planted.ConformingValue).Assembly], ModuleFolders());

    /// <summary>Project names under src/, from their .csproj files.</summary>
    public static IReadOnlyList<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    /// <summary>Module names: the folders under src/Modules.</summary>
    public static IReadOnlyList<string> ModuleFolders() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "src", "Modules")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public Types Types() => NetArchTest.Rules.Types.InAssemblies(assemblies);

    /// <summary>
    /// Every namespace a type of this codebase could depend on: its own, and those of every assembly
    /// it references. "Uses only X" is said to NetArchTest as "uses none of the others": its
    /// <c>OnlyHaveDependenciesOn</c> also counts the types the compiler adds to an assembly for
    /// constant arrays (<c>&lt;PrivateImplementationDetails&gt;</c>), which no allowed name matches.
    /// </summary>
    public IReadOnlyList<string> ReachableNamespaces => _reachable.Value;

    private readonly Lazy<IReadOnlyList<string>> _reachable = new(() => assemblies
        .SelectMany(assembly => assembly.GetReferencedAssemblies().Select(Load).OfType<Assembly>().SelectMany(Visible).Concat(assembly.GetTypes()))
        .Select(type => type.Namespace)
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// A regular expression for a namespace and those below it. <c>ResideInNamespace("X.Domain")</c>
    /// is a prefix match that would also take <c>X.DomainEvents</c>.
    /// </summary>
    public static string Below(string ns) => $@"^{System.Text.RegularExpressions.Regex.Escape(ns)}(\..+)?$";

    public static string Layer(string module, string layer) => $"Billing.{module}.{layer}";

    /// <summary>Whether <paramref name="ns"/> is one of <paramref name="allowed"/> or below one.</summary>
    public static bool IsWithin(string ns, IEnumerable<string> allowed) =>
        allowed.Any(root => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    private static Assembly? Load(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            // A reference the runtime never loads (a design-time facade): nothing in it can be used.
            return null;
        }
    }

    /// <summary>The types another assembly shows: its public ones, or all of a product assembly (module layers see each other's internals).</summary>
    private static IEnumerable<Type> Visible(Assembly assembly) =>
        assembly.GetName().Name!.StartsWith("Billing.", StringComparison.Ordinal) ? assembly.GetTypes() : assembly.GetExportedTypes();
}

using Mono.Cecil;

namespace Billing.ArchitectureTests.Fluent;

/// <summary>
/// The product as built: every project under <c>src/</c> is discovered from the repository (not
/// listed by hand) and its assembly read with Cecil from this test's output folder.
/// </summary>
public static class Product
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Billing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Billing.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>Project names under src/, from their .csproj files.</summary>
    public static IReadOnlyList<string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    /// <summary>Module names: the folders under src/Modules.</summary>
    public static IReadOnlyList<string> Modules() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "src", "Modules")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>Every product assembly, freshly read (tests may change their copy to plant a violation).</summary>
    public static IReadOnlyList<ProductAssembly> Load() =>
        SourceProjects().Select(Read).ToList();

    public static ProductAssembly Read(string name)
    {
        var classification = ProductAssembly.Classify(name)
            ?? throw new InvalidOperationException($"{name} fits no place of the layout in ARCHITECTURE.md.");
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name}.dll is not in the build output: is the project referenced by the host?");
        }

        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        var definition = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { InMemory = true, AssemblyResolver = resolver });
        return new ProductAssembly(name, classification.Module, classification.Layer, definition);
    }
}

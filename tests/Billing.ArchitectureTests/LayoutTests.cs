using System.Text.RegularExpressions;
using Billing.ArchitectureTests.Fluent;

namespace Billing.ArchitectureTests;

/// <summary>The layout of ARCHITECTURE.md: discovered from the repository, so a new project is covered the day it appears.</summary>
public sealed partial class LayoutTests
{
    [Fact]
    public void Every_source_project_has_a_place_in_the_layout_and_is_built_into_the_host()
    {
        foreach (var project in Product.SourceProjects())
        {
            ProductAssembly.Classify(project).ShouldNotBeNull($"{project} fits no place of the layout");
            Should.NotThrow(() => Product.Read(project), $"{project} is not in the host's build output");
        }
    }

    [Fact]
    public void Every_module_has_all_five_layers()
    {
        var projects = Product.SourceProjects();
        Product.Modules().ShouldBe(["Customers", "Invoicing", "Metering", "Payments"], ignoreOrder: true);

        foreach (var module in Product.Modules())
        {
            foreach (var layer in ProductAssembly.ModuleLayers)
            {
                projects.ShouldContain($"Billing.{module}.{layer}");
            }
        }
    }

    [Fact]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(Product.RepositoryRoot, "Billing.sln"));
        var listed = ProjectLine().Matches(solution).Select(match => match.Groups["name"].Value).ToHashSet();
        var projects = Directory.GetFiles(Product.RepositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        projects.ShouldNotBeEmpty();
        projects.Where(project => !listed.Contains(project!)).ShouldBeEmpty();
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "(?<name>[^"]+)", "[^"]+\.csproj""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}

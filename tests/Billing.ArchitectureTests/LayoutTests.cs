using System.Text.RegularExpressions;

namespace Billing.ArchitectureTests;

/// <summary>The layout of ARCHITECTURE.md: discovered from the repository, so a new project is covered the day it appears.</summary>
public sealed partial class LayoutTests
{
    [Fact]
    public void Every_source_project_has_a_place_in_the_layout_and_is_built_into_the_host()
    {
        foreach (var project in Codebase.SourceProjects())
        {
            FitsTheLayout(project).ShouldBeTrue($"{project} fits no place of the layout");
            Should.NotThrow(() => System.Reflection.Assembly.Load(project), $"{project} is not in the host's build output");
        }
    }

    [Fact]
    public void Every_module_has_all_five_layers()
    {
        var projects = Codebase.SourceProjects();
        Codebase.ModuleFolders().ShouldBe(["Access", "Customers", "Invoicing", "Metering", "Payments"], ignoreOrder: true);

        foreach (var module in Codebase.ModuleFolders())
        {
            foreach (var layer in Codebase.ModuleLayers)
            {
                projects.ShouldContain($"Billing.{module}.{layer}");
            }
        }
    }

    [Fact]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(Codebase.RepositoryRoot, "Billing.sln"));
        var listed = ProjectLine().Matches(solution).Select(match => match.Groups["name"].Value).ToHashSet();
        var projects = Directory.GetFiles(Codebase.RepositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        projects.ShouldNotBeEmpty();
        projects.Where(project => !listed.Contains(project!)).ShouldBeEmpty();
    }

    /// <summary>The host, a building block, or a layer of a module, as ARCHITECTURE.md lays them out.</summary>
    private static bool FitsTheLayout(string project) => project.Split('.') switch
    {
        ["Billing", "Host"] => true,
        ["Billing", "BuildingBlocks", "Domain" or "Application" or "Infrastructure"] => true,
        ["Billing", var module, var layer] => module != "BuildingBlocks" && Codebase.ModuleLayers.Contains(layer),
        _ => false,
    };

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "(?<name>[^"]+)", "[^"]+\.csproj""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}

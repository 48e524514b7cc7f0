using Mono.Cecil;

namespace Billing.ArchitectureTests.Fluent;

public enum Layer
{
    Contracts,
    Domain,
    Application,
    Infrastructure,
    Web,
    BuildingBlocksDomain,
    BuildingBlocksApplication,
    BuildingBlocksInfrastructure,
    Host,
}

/// <summary>A product assembly and where the layout puts it: which module, which layer.</summary>
public sealed record ProductAssembly(string Name, string? Module, Layer Layer, AssemblyDefinition Definition)
{
    public IEnumerable<TypeDefinition> Types => Definition.MainModule.Types.Where(type => type.Name != "<Module>");

    /// <summary>Classifies an assembly by name, as ARCHITECTURE.md lays them out; null when the name fits no place.</summary>
    public static (string? Module, Layer Layer)? Classify(string name)
    {
        var parts = name.Split('.');
        return parts switch
        {
            ["Billing", "Host"] => (null, Layer.Host),
            ["Billing", "BuildingBlocks", "Domain"] => (null, Layer.BuildingBlocksDomain),
            ["Billing", "BuildingBlocks", "Application"] => (null, Layer.BuildingBlocksApplication),
            ["Billing", "BuildingBlocks", "Infrastructure"] => (null, Layer.BuildingBlocksInfrastructure),
            ["Billing", var module, var layer] when module != "BuildingBlocks" && ModuleLayers.Contains(layer) => (module, Enum.Parse<Layer>(layer)),
            _ => null,
        };
    }

    public static readonly string[] ModuleLayers = ["Contracts", "Domain", "Application", "Infrastructure", "Web"];

    public bool IsModuleLayer => Module is not null;

    public override string ToString() => Name;
}

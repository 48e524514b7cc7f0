using Billing.ArchitectureTests.Fluent;
using Mono.Cecil;

namespace Billing.ArchitectureTests;

/// <summary>The rules of ARCHITECTURE.md, each written once and used by both the rule test and its violation proof.</summary>
public static class Rules
{
    public static readonly ArchRule DomainIsFrameworkFree = ArchRule
        .For("1 Domain uses the BCL and BuildingBlocks.Domain only")
        .Assemblies(assembly => assembly.Layer is Layer.Domain or Layer.BuildingBlocksDomain)
        .MayOnlyUse((assembly, used) => Own(assembly, used) || IsBcl(used) || Is(used, Layer.BuildingBlocksDomain));

    public static readonly ArchRule ApplicationDependsInward = ArchRule
        .For("2 Application uses its Domain, the building blocks and Contracts only")
        .Assemblies(assembly => assembly.Layer == Layer.Application)
        .MayOnlyUse((assembly, used) => Own(assembly, used) || IsBcl(used)
            || Is(used, Layer.BuildingBlocksDomain) || Is(used, Layer.BuildingBlocksApplication)
            || SameModule(assembly, used, Layer.Domain) || Is(used, Layer.Contracts)
            || used.Assembly is "MediatR" or "FluentValidation" or "Ardalis.Specification" or "Microsoft.Extensions.Logging.Abstractions");

    public static readonly ArchRule InfrastructureStaysInItsModule = ArchRule
        .For("3 Infrastructure uses no other module's anything but Contracts, and not its own Web")
        .Assemblies(assembly => assembly.Layer == Layer.Infrastructure)
        .MayOnlyUse((assembly, used) => ProductAssembly.Classify(used.Assembly) switch
        {
            ({ } module, var layer) when module != assembly.Module => layer == Layer.Contracts,
            (_, Layer.Web) => false,
            _ => true,
        });

    public static readonly ArchRule WebOnlySendsRequests = ArchRule
        .For("4 Web uses its own Contracts and Application requests, MediatR and ASP.NET Core only")
        .Assemblies(assembly => assembly.Layer == Layer.Web)
        .MayOnlyUse((assembly, used) => Own(assembly, used) || IsBcl(used)
            || SameModule(assembly, used, Layer.Contracts) || SameModule(assembly, used, Layer.Application)
            || Is(used, Layer.BuildingBlocksApplication) || used.Assembly == "MediatR"
            || used.Assembly.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
            || used.Assembly == "Microsoft.Net.Http.Headers" // ASP.NET Core's own header types (file results carry an ETag)
            || used.Assembly.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

    public static readonly ArchRule ContractsArePlain = ArchRule
        .For("5 Contracts use BuildingBlocks.Application (and its MediatR interfaces) only")
        .Assemblies(assembly => assembly.Layer == Layer.Contracts)
        .MayOnlyUse((assembly, used) => Own(assembly, used) || IsBcl(used) || Is(used, Layer.BuildingBlocksApplication) || used.Assembly == "MediatR");

    public static readonly ArchRule ModulesMeetOnlyThroughContracts = ArchRule
        .For("6 A module uses no other module's Domain, Application, Infrastructure or Web")
        .Assemblies(assembly => assembly.IsModuleLayer)
        .MayOnlyUse((assembly, used) => ProductAssembly.Classify(used.Assembly) is not ({ } module, var layer)
            || module == assembly.Module || layer == Layer.Contracts);

    public static readonly ArchRule BuildingBlocksKnowNoModule = ArchRule
        .For("6 Building blocks use no module")
        .Assemblies(assembly => assembly.Layer is Layer.BuildingBlocksDomain or Layer.BuildingBlocksApplication or Layer.BuildingBlocksInfrastructure)
        .MayOnlyUse((_, used) => ProductAssembly.Classify(used.Assembly) is not ({ }, _));

    public static readonly ArchRule PlumbingIsInternalSealed = ArchRule
        .For("7 Handlers, validators, entity configurations and DbContexts are internal sealed")
        .Types((_, type) => !type.IsAbstract && PlumbingKind(type) is not null)
        .Must(type => !IsPublic(type) && type.IsSealed, type => $"is a {PlumbingKind(type)} but is {(IsPublic(type) ? "public" : "not sealed")}");

    public static readonly ArchRule OnlyEntryPointsArePublic = ArchRule
        .For("7 Only Contracts and registration entry points are public in a module")
        .Assemblies(assembly => assembly.IsModuleLayer && assembly.Layer != Layer.Contracts)
        .Types((_, type) => IsPublic(type))
        .Must(IsRegistrationEntryPoint, _ => "is public but is not a registration entry point (a static class of extension methods)");

    public static IEnumerable<ArchRule> All =>
    [
        DomainIsFrameworkFree, ApplicationDependsInward, InfrastructureStaysInItsModule, WebOnlySendsRequests, ContractsArePlain,
        ModulesMeetOnlyThroughContracts, BuildingBlocksKnowNoModule, PlumbingIsInternalSealed, OnlyEntryPointsArePublic,
    ];

    public static bool IsBcl(Dependency used) =>
        used.Assembly is "mscorlib" or "netstandard" or "System" || used.Assembly.StartsWith("System.", StringComparison.Ordinal);

    private static bool Own(ProductAssembly assembly, Dependency used) => used.Assembly == assembly.Name;

    private static bool Is(Dependency used, Layer layer) => ProductAssembly.Classify(used.Assembly)?.Layer == layer;

    private static bool SameModule(ProductAssembly assembly, Dependency used, Layer layer) =>
        ProductAssembly.Classify(used.Assembly) is ({ } module, var usedLayer) && module == assembly.Module && usedLayer == layer;

    private static bool IsPublic(TypeDefinition type) =>
        type.IsPublic || (type.IsNestedPublic && IsPublic(type.DeclaringType));

    private static bool IsRegistrationEntryPoint(TypeDefinition type) =>
        type is { IsAbstract: true, IsSealed: true, DeclaringType: null }
        && type.Methods.Where(method => method.IsPublic && !method.IsConstructor).All(IsExtensionMethod)
        && type.Fields.Where(field => field.IsPublic).All(field => field.IsLiteral);

    private static bool IsExtensionMethod(MethodDefinition method) =>
        method.IsStatic && method.CustomAttributes.Any(attribute => attribute.AttributeType.FullName == "System.Runtime.CompilerServices.ExtensionAttribute");

    /// <summary>What plumbing a type is, by what it implements or derives from; null for anything else.</summary>
    private static string? PlumbingKind(TypeDefinition type)
    {
        var interfaces = type.Interfaces.Select(contract => GenericName(contract.InterfaceType)).ToList();
        if (interfaces.Any(name => name is "MediatR.IRequestHandler`2" or "MediatR.INotificationHandler`1"))
        {
            return "handler";
        }

        if (interfaces.Contains("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1"))
        {
            return "entity configuration";
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = TryResolve(baseType)?.BaseType)
        {
            switch (GenericName(baseType))
            {
                case "FluentValidation.AbstractValidator`1":
                    return "validator";
                case "Microsoft.EntityFrameworkCore.DbContext":
                    return "DbContext";
            }
        }

        return null;
    }

    private static string GenericName(TypeReference type) => type is GenericInstanceType generic ? generic.ElementType.FullName : type.FullName;

    private static TypeDefinition? TryResolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}

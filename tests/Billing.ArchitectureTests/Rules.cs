using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using static Billing.ArchitectureTests.ArchitectureRule;
using static Billing.ArchitectureTests.Codebase;

namespace Billing.ArchitectureTests;

/// <summary>
/// The rules of ARCHITECTURE.md in NetArchTest.Rules, each written once and used by both the rule
/// test (over the product) and its violation proof (over the planted assembly). Dependency names
/// match whole namespace segments: <c>System</c> takes <c>System.Text</c>, not <c>SystemX</c>, and
/// a full type name takes that type only. NetArchTest cannot say two things, done here with plain
/// reflection: what a registration entry point is, and which module edges close a cycle.
/// </summary>
public static class Rules
{
    private const string Bcl = "System";
    private const string BuildingBlocksDomain = "Billing.BuildingBlocks.Domain";
    private const string BuildingBlocksApplication = "Billing.BuildingBlocks.Application";

    /// <summary>A namespace that is a provider's folder (rule 10).</summary>
    private const string ProviderFolder = @"\.(Sqlite|Postgres)(\.|$)";

    /// <summary>The providers' packages, and EF Core's provider-specific extensions, which live in EF Core's own namespaces.</summary>
    private static readonly string[] ProviderTypes =
    [
        "Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql", "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", "Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions",
        "Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder",
        "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", "Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions",
    ];

    /// <summary>What counts as plumbing (rule 7), by what it implements or derives from.</summary>
    private static readonly (string Kind, Func<Predicates, PredicateList> Select)[] Plumbing =
    [
        ("handler", types => types.ImplementInterface(typeof(IRequestHandler<,>))),
        ("handler", types => types.ImplementInterface(typeof(INotificationHandler<>))),
        ("entity configuration", types => types.ImplementInterface(typeof(IEntityTypeConfiguration<>))),
        ("validator", types => types.Inherit(typeof(AbstractValidator<>))),
        ("DbContext", types => types.Inherit(typeof(DbContext))),
    ];

    public static readonly ArchitectureRule NamespacesFollowAssemblies = new(
        "0 A type's namespace starts with its assembly's name (the rules select by namespace)",
        codebase => codebase.Assemblies.SelectMany(assembly => Failing(
            NetArchTest.Rules.Types.InAssembly(assembly).That().AreNotNested().And().DoNotHaveNameStartingWith("<").And().DoNotHaveName("Program")
                .Should().ResideInNamespaceMatching(Below(assembly.GetName().Name!)),
            $"is not below the namespace {assembly.GetName().Name}")));

    public static readonly ArchitectureRule DomainIsFrameworkFree = new(
        "1 Domain uses the BCL and BuildingBlocks.Domain only",
        codebase => Failing(codebase, Below(BuildingBlocksDomain), should => Only(codebase, should, Bcl, BuildingBlocksDomain), "uses more than the BCL")
            .Concat(codebase.Modules.SelectMany(module => Failing(
                codebase, Below(Layer(module, "Domain")), should => Only(codebase, should, Bcl, BuildingBlocksDomain, Layer(module, "Domain")),
                "uses more than the BCL, BuildingBlocks.Domain and its own Domain"))));

    public static readonly ArchitectureRule ApplicationDependsInward = new(
        "2 Application uses its Domain, the building blocks and Contracts only",
        codebase => codebase.Modules.SelectMany(module => Failing(
            codebase,
            Below(Layer(module, "Application")),
            should => Only(
                codebase,
                should,
                [
                    Bcl, BuildingBlocksDomain, BuildingBlocksApplication, Layer(module, "Domain"), Layer(module, "Application"),
                    .. codebase.Modules.Select(any => Layer(any, "Contracts")),
                    "MediatR", "FluentValidation", "Ardalis.Specification", "Microsoft.Extensions.Logging",
                ]),
            "uses an Infrastructure, a Web, another module's insides or a framework")));

    public static readonly ArchitectureRule InfrastructureStaysInItsModule = new(
        "3 Infrastructure uses no other module's anything but Contracts, and not its own Web",
        codebase => codebase.Modules.SelectMany(module => Failing(
            codebase,
            Below(Layer(module, "Infrastructure")),
            should => should.NotHaveDependencyOnAny([.. InsidesOfOtherModules(codebase, module), Layer(module, "Web")]),
            "uses another module's insides or its own Web")));

    public static readonly ArchitectureRule WebSendsItsOwnRequests = new(
        "4 Web uses its own Contracts, its own module's request types, MediatR and ASP.NET Core only",
        codebase => codebase.Modules.SelectMany(module => Failing(
            codebase,
            Below(Layer(module, "Web")),
            should => Only(
                codebase,
                should,
                [
                    Bcl, Layer(module, "Web"), Layer(module, "Contracts"), BuildingBlocksApplication, "MediatR", "Microsoft.AspNetCore", "Microsoft.Extensions",
                    "Microsoft.Net.Http.Headers", // ASP.NET Core's own header types (file results carry an ETag)
                    Layer(module, "Application"), // but of it only the requests: its other types are named below
                ],
                also: NonRequestTypes(codebase, module)),
            "uses more than its Contracts, its module's requests, MediatR and ASP.NET Core")));

    public static readonly ArchitectureRule ContractsArePlain = new(
        "5 Contracts use BuildingBlocks.Application (and its MediatR interfaces) only",
        codebase => codebase.Modules.SelectMany(module => Failing(
            codebase,
            Below(Layer(module, "Contracts")),
            should => Only(codebase, should, Bcl, Layer(module, "Contracts"), BuildingBlocksApplication, "MediatR"),
            "uses more than BuildingBlocks.Application and MediatR")));

    public static readonly ArchitectureRule ModulesMeetOnlyThroughContracts = new(
        "6 A module uses no other module's Domain, Application, Infrastructure or Web",
        codebase => codebase.Modules.SelectMany(module => Failing(
            codebase, Below($"Billing.{module}"), should => should.NotHaveDependencyOnAny([.. InsidesOfOtherModules(codebase, module)]), "uses another module's insides")));

    public static readonly ArchitectureRule BuildingBlocksKnowNoModule = new(
        "6 Building blocks use no module",
        codebase => Failing(
            codebase, Below("Billing.BuildingBlocks"), should => should.NotHaveDependencyOnAny([.. codebase.Modules.Select(module => $"Billing.{module}")]), "uses a module"));

    public static readonly ArchitectureRule PlumbingIsInternalSealed = new(
        "7 Handlers, validators, entity configurations and DbContexts are internal sealed",
        codebase => Plumbing.SelectMany(plumbing =>
            Failing(plumbing.Select(codebase.Types().That().AreNotAbstract().And()).Should().NotBePublic(), $"is a {plumbing.Kind} but is public")
                .Concat(Failing(plumbing.Select(codebase.Types().That().AreNotAbstract().And()).Should().BeSealed(), $"is a {plumbing.Kind} but is not sealed"))));

    public static readonly ArchitectureRule OnlyEntryPointsArePublic = new(
        "7 Only Contracts and registration entry points are public in a module",
        codebase => codebase.Modules.SelectMany(module =>
            codebase.Types().That().ResideInNamespaceMatching($@"^Billing\.{module}\.(Domain|Application|Infrastructure|Web)(\..+)?$").And().ArePublic().GetTypes()
                .Where(type => !IsRegistrationEntryPoint(type))
                .Select(type => (type, "is public but is not a registration entry point (a static class of extension methods)"))));

    public static readonly ArchitectureRule NoCycleBetweenModules = new(
        "9 No cycle between modules through their Contracts",
        codebase =>
        {
            var uses = (from module in codebase.Modules
                        from other in codebase.Modules
                        where module != other
                        let users = codebase.Types().That().ResideInNamespaceMatching(Below($"Billing.{module}")).And().HaveDependencyOn(Layer(other, "Contracts")).GetTypes().ToList()
                        where users.Count > 0
                        select (From: module, To: other, Users: users)).ToList();
            return from edge in ModuleGraph.EdgesOnCycles(uses.Select(use => (use.From, use.To)).ToList())
                   from user in uses.Single(use => use.From == edge.From && use.To == edge.To).Users
                   select (user, $"uses {edge.To}'s Contracts, closing the cycle {edge.Cycle}");
        });

    public static readonly ArchitectureRule ProviderCodeStaysInProviderFolders = new(
        "10 A database provider's types are used only in Sqlite or Postgres folders of Infrastructure projects",
        codebase => Failing(
                codebase.Types().That().DoNotResideInNamespaceMatching(ProviderFolder).Should().NotHaveDependencyOnAny(ProviderTypes),
                "uses a database provider's types outside a Sqlite or Postgres folder")
            .Concat(Failing(
                codebase.Types().That().ResideInNamespaceMatching(ProviderFolder).Should().ResideInNamespaceMatching(@"^Billing\.(\w+)\.Infrastructure\."),
                "is in a provider folder outside an Infrastructure project"))
            .Concat(Failing(
                codebase.Types().That().ResideInNamespaceMatching(@"\.Sqlite(\.|$)").Should().NotHaveDependencyOnAny(PostgresTypes(codebase)),
                "is SQLite's code but uses PostgreSQL's"))
            .Concat(Failing(
                codebase.Types().That().ResideInNamespaceMatching(@"\.Postgres(\.|$)").Should().NotHaveDependencyOnAny(SqliteTypes(codebase)),
                "is PostgreSQL's code but uses SQLite's")));

    /// <summary>PostgreSQL's package, and the product's own PostgreSQL folders.</summary>
    private static string[] PostgresTypes(Codebase codebase) =>
        ["Npgsql", "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", .. ProviderNamespaces(codebase, "Postgres")];

    /// <summary>SQLite's packages, and the product's own SQLite folders.</summary>
    private static string[] SqliteTypes(Codebase codebase) =>
        ["Microsoft.Data.Sqlite", "SQLitePCL", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", .. ProviderNamespaces(codebase, "Sqlite")];

    private static IEnumerable<string> ProviderNamespaces(Codebase codebase, string provider) =>
        codebase.Types().That().ResideInNamespaceMatching($@"\.{provider}(\.|$)").GetTypes().Select(type => type.Namespace!).Distinct();

    public static readonly ArchitectureRule HostUsesModulesThroughEntryPoints = new(
        "11 The host uses a module only through its registration entry points",
        codebase =>
        {
            var insides = codebase.Types().That().ResideInNamespaceMatching($@"^Billing\.({string.Join('|', codebase.Modules)})\.").GetTypes()
                .Where(type => !IsRegistrationEntryPoint(type))
                .Select(type => type.FullName!)
                .ToArray();
            return insides.Length == 0 ? [] : Failing(codebase, Below("Billing.Host"), should => should.NotHaveDependencyOnAny(insides), "uses a module's type that is not a registration entry point");
        });

    public static IEnumerable<ArchitectureRule> All =>
    [
        NamespacesFollowAssemblies, DomainIsFrameworkFree, ApplicationDependsInward, InfrastructureStaysInItsModule, WebSendsItsOwnRequests, ContractsArePlain,
        ModulesMeetOnlyThroughContracts, BuildingBlocksKnowNoModule, PlumbingIsInternalSealed, OnlyEntryPointsArePublic, NoCycleBetweenModules,
        ProviderCodeStaysInProviderFolders, HostUsesModulesThroughEntryPoints,
    ];

    /// <summary>The request types (commands and queries) of a module's Application: all its Web may use of it.</summary>
    public static IEnumerable<string> RequestTypes(Codebase codebase, string module) =>
        codebase.Types().That().ResideInNamespaceMatching(Below(Layer(module, "Application"))).And().ImplementInterface(typeof(IBaseRequest)).GetTypes().Select(type => type.FullName!);

    /// <summary>The other types of a module's Application: handlers, ports, everything its Web must not touch.</summary>
    private static IEnumerable<string> NonRequestTypes(Codebase codebase, string module) =>
        codebase.Types().That().ResideInNamespaceMatching(Below(Layer(module, "Application"))).And().DoNotImplementInterface(typeof(IBaseRequest)).GetTypes().Select(type => type.FullName!);

    /// <summary>
    /// "Uses only these namespaces", said as "uses none of the other namespaces the codebase can
    /// reach" (see <see cref="Codebase.ReachableNamespaces"/>), plus any types named in <paramref name="also"/>.
    /// </summary>
    private static ConditionList Only(Codebase codebase, Conditions should, string[] allowed, IEnumerable<string>? also = null) =>
        should.NotHaveDependencyOnAny([.. codebase.ReachableNamespaces.Where(ns => !IsWithin(ns, allowed)), .. also ?? []]);

    private static ConditionList Only(Codebase codebase, Conditions should, params string[] allowed) => Only(codebase, should, allowed, null);

    private static IEnumerable<string> InsidesOfOtherModules(Codebase codebase, string module) =>
        from other in codebase.Modules
        where other != module
        from layer in new[] { "Domain", "Application", "Infrastructure", "Web" }
        select Layer(other, layer);

    /// <summary>A top-level static class whose public members are extension methods and constants.</summary>
    private static bool IsRegistrationEntryPoint(Type type) =>
        type is { IsAbstract: true, IsSealed: true, IsNested: false }
        && type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).All(method => method.IsDefined(typeof(ExtensionAttribute)))
        && type.GetFields(BindingFlags.Public | BindingFlags.Static).All(field => field.IsLiteral);
}

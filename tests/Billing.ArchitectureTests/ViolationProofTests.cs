namespace Billing.ArchitectureTests;

/// <summary>
/// Rule 8: each rule is proven by real violations. The test-only assembly
/// Billing.ArchitectureTests.Violations breaks every rule on purpose in the product's namespaces;
/// each rule must name its offenders there, and must not name the types planted to keep it.
/// </summary>
public sealed class ViolationProofTests
{
    private const string Customers = "Billing.Customers";

    [Fact]
    public void Rule_0_fails_when_a_type_leaves_its_assembly_s_namespace() =>
        Proves(Rules.NamespacesFollowAssemblies, offenders: [$"{Customers}.Domain.Planted.ConformingValue"], keepers: []);

    [Fact]
    public void Rule_1_fails_when_a_domain_type_uses_EF_Core() =>
        Proves(Rules.DomainIsFrameworkFree, offenders: [$"{Customers}.Domain.Planted.CustomerWithDbContext"], keepers: [$"{Customers}.Domain.Planted.ConformingValue"]);

    [Fact]
    public void Rule_2_fails_when_application_uses_its_infrastructure() =>
        Proves(Rules.ApplicationDependsInward, offenders: [$"{Customers}.Application.Planted.HandlerUsingInfrastructure"], keepers: [$"{Customers}.Application.Planted.ConformingQuery"]);

    [Fact]
    public void Rule_3_fails_when_infrastructure_uses_another_module_s_infrastructure_or_its_own_web() =>
        Proves(
            Rules.InfrastructureStaysInItsModule,
            offenders: [$"{Customers}.Infrastructure.Planted.RepositoryUsingMetering", $"{Customers}.Infrastructure.Planted.ServiceUsingWeb"],
            keepers: [$"{Customers}.Infrastructure.Planted.PublicRepository"]);

    [Fact]
    public void Rule_4_fails_when_an_endpoint_uses_the_domain_a_handler_or_another_module_s_request() =>
        Proves(
            Rules.WebSendsItsOwnRequests,
            offenders: [$"{Customers}.Web.Planted.EndpointsUsingDomain", $"{Customers}.Web.Planted.EndpointsUsingAHandler", $"{Customers}.Web.Planted.EndpointsSendingInvoicingRequest"],
            keepers: [$"{Customers}.Web.Planted.EndpointsSendingARequest"]);

    [Fact]
    public void Rule_5_fails_when_a_contract_exposes_a_domain_type() =>
        Proves(Rules.ContractsArePlain, offenders: [$"{Customers}.Contracts.Planted.DtoWithDomain"], keepers: [$"{Customers}.Contracts.Planted.CustomerDto"]);

    [Fact]
    public void Rule_6_fails_when_a_module_uses_another_module_s_domain() =>
        Proves(
            Rules.ModulesMeetOnlyThroughContracts,
            offenders: [$"{Customers}.Application.Planted.HandlerUsingInvoicingDomain", $"{Customers}.Infrastructure.Planted.RepositoryUsingMetering"],
            keepers: [$"{Customers}.Web.Planted.EndpointsSendingInvoicingRequest"]);

    [Fact]
    public void Rule_6_fails_when_a_building_block_uses_a_module() =>
        Proves(Rules.BuildingBlocksKnowNoModule, offenders: ["Billing.BuildingBlocks.Infrastructure.Planted.OutboxKnowingCustomers"], keepers: []);

    [Fact]
    public void Rule_7_fails_when_a_handler_or_db_context_is_public_or_a_validator_is_not_sealed()
    {
        var violations = Rules.PlumbingIsInternalSealed.Check(Codebase.Planted);

        violations.ShouldContain(violation => violation.Type == $"{Customers}.Application.Planted.PublicHandler" && violation.What == "is a handler but is public");
        violations.ShouldContain(violation => violation.Type == $"{Customers}.Application.Planted.UnsealedValidator" && violation.What == "is a validator but is not sealed");
        violations.ShouldContain(violation => violation.Type == $"{Customers}.Infrastructure.Planted.CustomersContext" && violation.What == "is a DbContext but is public");
        violations.Count.ShouldBe(3, string.Join("; ", violations));
    }

    [Fact]
    public void Rule_7_fails_when_a_module_makes_a_non_entry_point_public() =>
        Proves(
            Rules.OnlyEntryPointsArePublic,
            offenders: [$"{Customers}.Infrastructure.Planted.PublicRepository", $"{Customers}.Domain.Planted.ConformingValue"],
            keepers: [$"{Customers}.Infrastructure.Planted.ConformingModule", $"{Customers}.Contracts.Planted.CustomerDto"]);

    [Fact]
    public void Rule_9_fails_when_two_modules_use_each_other_s_contracts()
    {
        Proves(
            Rules.NoCycleBetweenModules,
            offenders: ["Billing.Metering.Application.Planted.AsksPayments", "Billing.Payments.Application.Planted.AsksMetering"],
            keepers: [$"{Customers}.Web.Planted.EndpointsSendingInvoicingRequest"]);
        Rules.NoCycleBetweenModules.Check(Codebase.Planted).ShouldContain(violation => violation.What.Contains("Metering → Payments → Metering"));
    }

    [Fact]
    public void Rule_10_fails_when_provider_code_is_outside_its_provider_s_folder_or_a_provider_folder_outside_infrastructure() =>
        Proves(
            Rules.ProviderCodeStaysInProviderFolders,
            offenders:
            [
                $"{Customers}.Infrastructure.Persistence.Planted.RepositoryOpeningSqlite", $"{Customers}.Application.Sqlite.MisplacedSqlite",
                $"{Customers}.Infrastructure.Persistence.Postgres.PostgresReaderOnSqlite",
            ],
            keepers: [$"{Customers}.Infrastructure.Persistence.Sqlite.ConformingSqliteReader"]);

    [Fact]
    public void Rule_11_fails_when_the_host_uses_a_module_s_contracts() =>
        Proves(Rules.HostUsesModulesThroughEntryPoints, offenders: ["Billing.Host.Planted.StartupUsingContracts"], keepers: ["Billing.Host.Planted.ConformingStartup"]);

    [Fact]
    public void Every_rule_has_a_proof()
    {
        var proven = typeof(ViolationProofTests).GetMethods().Where(method => method.Name.StartsWith("Rule_", StringComparison.Ordinal))
            .Select(method => method.Name.Split('_')[1]).ToHashSet();

        Rules.All.Select(rule => rule.Name.Split(' ')[0]).Distinct().Where(number => !proven.Contains(number)).ShouldBeEmpty();
    }

    private static void Proves(ArchitectureRule rule, string[] offenders, string[] keepers)
    {
        var named = rule.Check(Codebase.Planted).Select(violation => violation.Type).ToHashSet();

        offenders.Where(offender => !named.Contains(offender)).ShouldBeEmpty($"{rule} must name these; it named: {string.Join(", ", named)}");
        keepers.Where(named.Contains).ShouldBeEmpty($"{rule} must not name these");
    }
}

using Billing.ArchitectureTests.Fluent;

namespace Billing.ArchitectureTests;

/// <summary>Every rule of ARCHITECTURE.md holds for every product assembly as built.</summary>
public sealed class ArchitectureRuleTests
{
    private static readonly IReadOnlyList<ProductAssembly> Product = Fluent.Product.Load();

    [Fact]
    public void Rule_1_domain_is_free_of_frameworks() => Rules.DomainIsFrameworkFree.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_2_application_depends_only_inward_and_on_contracts() => Rules.ApplicationDependsInward.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_3_infrastructure_stays_in_its_module() => Rules.InfrastructureStaysInItsModule.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_4_web_only_sends_requests() => Rules.WebOnlySendsRequests.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_5_contracts_are_plain() => Rules.ContractsArePlain.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_6_modules_meet_only_through_contracts() => Rules.ModulesMeetOnlyThroughContracts.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_6_building_blocks_know_no_module() => Rules.BuildingBlocksKnowNoModule.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_7_plumbing_is_internal_sealed() => Rules.PlumbingIsInternalSealed.Check(Product).ShouldBeEmpty();

    [Fact]
    public void Rule_7_only_registration_entry_points_are_public() => Rules.OnlyEntryPointsArePublic.Check(Product).ShouldBeEmpty();

    [Fact]
    public void The_rules_see_real_code_so_an_empty_result_means_something()
    {
        // A rule over no types would pass vacuously: make sure the selections hit what they should.
        Product.Single(assembly => assembly.Name == "Billing.Customers.Domain").Types.ShouldContain(type => type.Name == "Customer");
        Product.Count(assembly => assembly.Layer == Layer.Application).ShouldBe(Fluent.Product.Modules().Count);
        var customerDependencies = Dependencies.Of(Product.Single(assembly => assembly.Name == "Billing.Customers.Infrastructure")
            .Types.Single(type => type.Name == "CustomerRepository"));
        customerDependencies.ShouldContain(new Dependency("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.DbSet`1"));
        customerDependencies.ShouldContain(dependency => dependency.Type == "Billing.Customers.Domain.Customers.Customer");
    }
}

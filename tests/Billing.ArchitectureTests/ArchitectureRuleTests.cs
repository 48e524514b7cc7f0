namespace Billing.ArchitectureTests;

/// <summary>Every rule of ARCHITECTURE.md holds for every product assembly as built.</summary>
public sealed class ArchitectureRuleTests
{
    public static TheoryData<string> RuleNames => new(Rules.All.Select(rule => rule.Name));

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_product_keeps_the_rule(string rule) =>
        Rules.All.Single(candidate => candidate.Name == rule).Check(Codebase.Product).ShouldBeEmpty();

    [Fact]
    public void The_rules_see_real_code_so_an_empty_result_means_something()
    {
        // A rule over no types would pass vacuously: make sure the selections hit what they should.
        Codebase.Product.Types().That().ResideInNamespaceMatching(Codebase.Below("Billing.Customers.Domain")).GetTypes().ShouldContain(type => type.Name == "Customer");
        Codebase.Product.Types().That().ResideInNamespaceMatching(Codebase.Below("Billing.Invoicing.Web")).GetTypes().ShouldNotBeEmpty();
        Rules.RequestTypes(Codebase.Product, "Customers").ShouldContain("Billing.Customers.Application.Customers.CreateCustomer.CreateCustomerCommand");
        Codebase.Product.Types().That().ResideInNamespaceMatching(Codebase.Below("Billing.Invoicing")).And().HaveDependencyOn("Billing.Customers.Contracts").GetTypes()
            .ShouldNotBeEmpty("Invoicing uses Customers' Contracts, an edge rule 9 must see");
        Codebase.Product.Assemblies.Count.ShouldBe(Codebase.SourceProjects().Count);
    }
}

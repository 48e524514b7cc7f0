using Billing.ArchitectureTests.Fluent;
using Mono.Cecil;

namespace Billing.ArchitectureTests;

/// <summary>
/// Rule 8: each rule is proven once. A real product assembly is read, a real violation is planted
/// in its metadata (a field of a forbidden type, a visibility flipped), and the rule must fail,
/// naming the offending type and what it uses.
/// </summary>
public sealed class ViolationProofTests
{
    [Fact]
    public void Rule_1_fails_when_a_domain_type_uses_EF_Core()
    {
        var product = Product.Load();
        var customer = Type(product, "Billing.Customers.Domain", "Billing.Customers.Domain.Customers.Customer");
        PlantField(customer, new TypeReference("Microsoft.EntityFrameworkCore", "DbContext", customer.Module, Reference("Microsoft.EntityFrameworkCore")));

        ShouldFail(Rules.DomainIsFrameworkFree, product, customer, "Microsoft.EntityFrameworkCore.DbContext");
    }

    [Fact]
    public void Rule_2_fails_when_an_application_handler_uses_its_infrastructure()
    {
        var product = Product.Load();
        var handler = Type(product, "Billing.Customers.Application", "Billing.Customers.Application.Customers.CreateCustomer.CreateCustomerHandler");
        var context = Type(product, "Billing.Customers.Infrastructure", "Billing.Customers.Infrastructure.Persistence.CustomersDbContext");
        PlantField(handler, handler.Module.ImportReference(context));

        ShouldFail(Rules.ApplicationDependsInward, product, handler, "Billing.Customers.Infrastructure.Persistence.CustomersDbContext");
    }

    [Fact]
    public void Rule_3_fails_when_infrastructure_uses_another_module_s_infrastructure()
    {
        var product = Product.Load();
        var repository = Type(product, "Billing.Customers.Infrastructure", "Billing.Customers.Infrastructure.Persistence.CustomerRepository");
        var metering = Type(product, "Billing.Metering.Infrastructure", "Billing.Metering.Infrastructure.Persistence.MeteringDbContext");
        PlantField(repository, repository.Module.ImportReference(metering));

        ShouldFail(Rules.InfrastructureStaysInItsModule, product, repository, "Billing.Metering.Infrastructure.Persistence.MeteringDbContext");
    }

    [Fact]
    public void Rule_4_fails_when_an_endpoint_uses_the_domain()
    {
        var product = Product.Load();
        var endpoints = Type(product, "Billing.Customers.Web", "Billing.Customers.Web.CustomersEndpoints");
        var customer = Type(product, "Billing.Customers.Domain", "Billing.Customers.Domain.Customers.Customer");
        PlantField(endpoints, endpoints.Module.ImportReference(customer), FieldAttributes.Private | FieldAttributes.Static);

        ShouldFail(Rules.WebOnlySendsRequests, product, endpoints, "Billing.Customers.Domain.Customers.Customer");
    }

    [Fact]
    public void Rule_5_fails_when_a_contract_exposes_a_domain_type()
    {
        var product = Product.Load();
        var dto = Type(product, "Billing.Customers.Contracts", "Billing.Customers.Contracts.CustomerDto");
        var customer = Type(product, "Billing.Customers.Domain", "Billing.Customers.Domain.Customers.Customer");
        PlantField(dto, dto.Module.ImportReference(customer));

        ShouldFail(Rules.ContractsArePlain, product, dto, "Billing.Customers.Domain.Customers.Customer");
    }

    [Fact]
    public void Rule_6_fails_when_a_module_uses_another_module_s_domain()
    {
        var product = Product.Load();
        var handler = Type(product, "Billing.Customers.Application", "Billing.Customers.Application.Customers.ArchiveCustomer.ArchiveCustomerHandler");
        PlantField(handler, new TypeReference("Billing.Invoicing.Domain.Invoices", "Invoice", handler.Module, Reference("Billing.Invoicing.Domain")));

        ShouldFail(Rules.ModulesMeetOnlyThroughContracts, product, handler, "Billing.Invoicing.Domain.Invoices.Invoice");
    }

    [Fact]
    public void Rule_6_fails_when_a_building_block_uses_a_module()
    {
        var product = Product.Load();
        var unitOfWork = Type(product, "Billing.BuildingBlocks.Infrastructure", "Billing.BuildingBlocks.Infrastructure.Persistence.ActiveUnitsOfWork");
        var context = Type(product, "Billing.Customers.Infrastructure", "Billing.Customers.Infrastructure.Persistence.CustomersDbContext");
        PlantField(unitOfWork, unitOfWork.Module.ImportReference(context));

        ShouldFail(Rules.BuildingBlocksKnowNoModule, product, unitOfWork, "Billing.Customers.Infrastructure.Persistence.CustomersDbContext");
    }

    [Fact]
    public void Rule_7_fails_when_a_handler_is_public()
    {
        var product = Product.Load();
        var handler = Type(product, "Billing.Customers.Application", "Billing.Customers.Application.Customers.UpdateCustomer.UpdateCustomerHandler");
        handler.IsPublic = true;

        ShouldFail(Rules.PlumbingIsInternalSealed, product, handler, "is a handler but is public");
    }

    [Fact]
    public void Rule_7_fails_when_a_validator_or_a_db_context_is_not_sealed()
    {
        var product = Product.Load();
        var validator = Type(product, "Billing.Customers.Application", "Billing.Customers.Application.Customers.CreateCustomer.CreateCustomerValidator");
        var context = Type(product, "Billing.Payments.Infrastructure", "Billing.Payments.Infrastructure.Persistence.PaymentsDbContext");
        validator.IsSealed = false;
        context.IsSealed = false;

        ShouldFail(Rules.PlumbingIsInternalSealed, product, validator, "is a validator but is not sealed");
        ShouldFail(Rules.PlumbingIsInternalSealed, product, context, "is a DbContext but is not sealed");
    }

    [Fact]
    public void Rule_7_fails_when_a_module_makes_a_non_entry_point_public()
    {
        var product = Product.Load();
        var repository = Type(product, "Billing.Customers.Infrastructure", "Billing.Customers.Infrastructure.Persistence.CustomerRepository");
        repository.IsPublic = true;

        ShouldFail(Rules.OnlyEntryPointsArePublic, product, repository, "is public but is not a registration entry point");
    }

    private static TypeDefinition Type(IReadOnlyList<ProductAssembly> product, string assembly, string type) =>
        product.Single(candidate => candidate.Name == assembly).Definition.MainModule.GetType(type)
        ?? throw new InvalidOperationException($"{type} is not in {assembly}.");

    private static AssemblyNameReference Reference(string assembly) => new(assembly, new Version(10, 0, 0, 0));

    private static void PlantField(TypeDefinition type, TypeReference fieldType, FieldAttributes attributes = FieldAttributes.Private) =>
        type.Fields.Add(new FieldDefinition("planted", attributes, fieldType));

    private static void ShouldFail(ArchRule rule, IReadOnlyList<ProductAssembly> product, TypeDefinition offender, string what)
    {
        var violations = rule.Check(product);

        violations.ShouldContain(
            violation => violation.Type == offender.FullName && violation.What.Contains(what, StringComparison.Ordinal),
            $"expected {offender.FullName} {what}; got: {string.Join("; ", violations)}");
    }
}

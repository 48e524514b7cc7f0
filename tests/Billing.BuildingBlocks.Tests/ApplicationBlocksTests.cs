using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.BuildingBlocks.Application.Paging;
using Ardalis.Specification;
using Billing.BuildingBlocks.Application.Validation;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Infrastructure.Persistence;

namespace Billing.BuildingBlocks.Tests;

public sealed class ApplicationBlocksTests
{
    private enum Sample
    {
        Active,
        PastDue,
        PerUnit,
    }

    [Fact]
    public void Enum_values_travel_as_snake_case()
    {
        WireName.Of(Sample.PastDue).ShouldBe("past_due");
        WireName.All<Sample>().ShouldBe(["active", "past_due", "per_unit"]);
        WireName.Parse<Sample>("per_unit").ShouldBe(Sample.PerUnit);
        WireName.TryParse<Sample>("PastDue", out _).ShouldBeFalse();
        WireName.TryParse<Sample>(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Cursors_round_trip_and_foreign_ones_are_refused()
    {
        Cursor.TryDecode(Cursor.Encode("638000000000000000|cus_abc"), out var key).ShouldBeTrue();
        key.ShouldBe("638000000000000000|cus_abc");

        Cursor.TryDecode("***", out _).ShouldBeFalse();
        Cursor.TryDecode(string.Empty, out _).ShouldBeFalse();
        Cursor.TryDecode(new string('a', 600), out _).ShouldBeFalse();
    }

    [Fact]
    public void Audit_changes_list_only_the_fields_that_differ_in_camel_case()
    {
        var before = new Snapshot("Acme", 8.25m, null);
        var after = new Snapshot("Acme Inc", 8.25m, "cus_1");

        var changes = AuditChanges.Between(before, after);

        changes.Keys.ShouldBe(["name", "stripeId"], ignoreOrder: true);
        changes["name"].ShouldBe(new AuditChange("Acme", "Acme Inc"));
        AuditChanges.Between(null, before).Keys.ShouldBe(["name", "taxRate"], ignoreOrder: true);
    }

    [Fact]
    public void Building_block_types_belong_to_no_module()
    {
        // Building blocks belong to no module, so no command of theirs could pick a unit of work.
        ModuleName.Of(typeof(Cursor)).ShouldBeNull();
        ModuleName.Of(typeof(ApplicationBlocksTests)).ShouldBeNull();
    }

    [Fact]
    public void A_specification_filters_then_orders_then_limits()
    {
        var rows = new[] { new Snapshot("b", 2, null), new Snapshot("a", 2, null), new Snapshot("c", 1, null), new Snapshot("d", 3, "x") }.AsQueryable();

        var result = rows.Apply(new RatedWithoutStripe(maxRows: 2)).ToList();

        result.Select(row => row.Name).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Opaque_ids_carry_their_prefix_and_sort_by_creation_time()
    {
        var earlier = OpaqueId.New("cus", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var later = OpaqueId.New("cus", new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));

        OpaqueId.HasPrefix(earlier, "cus").ShouldBeTrue();
        OpaqueId.HasPrefix(earlier, "inv").ShouldBeFalse();
        string.CompareOrdinal(earlier, later).ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("ExternalId", "external_id")]
    [InlineData("NotificationPreferences", "notification_preferences")]
    [InlineData("Id", "id")]
    [InlineData("HTTPStatus", "http_status")]
    public void Columns_are_named_in_snake_case(string property, string column) =>
        SnakeCase.From(property).ShouldBe(column);

    private sealed record Snapshot(string Name, decimal TaxRate, string? StripeId);

    private sealed class RatedWithoutStripe : Specification<Snapshot>
    {
        public RatedWithoutStripe(int maxRows)
        {
            Query.Where(row => row.StripeId == null);
            Query.OrderByDescending(row => row.TaxRate).ThenBy(row => row.Name);
            Query.Take(maxRows);
        }
    }
}

using System.Text.Json;
using Billing.Invoicing.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class InvoicingSettingsConfiguration : IEntityTypeConfiguration<InvoicingSettings>
{
    public void Configure(EntityTypeBuilder<InvoicingSettings> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(settings => settings.Id);
        builder.Ignore(settings => settings.DomainEvents);
        builder.Property(settings => settings.Id).HasMaxLength(4);

        // The grace policy is one value, read whole: JSON in its row, in the API's own shape.
        builder.Property(settings => settings.Grace)
            .HasConversion(policy => GraceJson.Write(policy), json => GraceJson.Read(json),
                new ValueComparer<GracePeriodPolicy>((left, right) => ReferenceEquals(left, right), value => value.GetHashCode(), value => value))
            .IsRequired();
    }
}

internal static class GraceJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(GracePeriodPolicy policy) =>
        JsonSerializer.Serialize(new Stored(policy.Default, policy.Rules.Select(rule => new StoredRule(rule.FromSubscriptionCycle, rule.HasMeteredCharge, rule.GracePeriod)).ToList()), Json);

    public static GracePeriodPolicy Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json)!;
        return new GracePeriodPolicy(stored.Default, stored.Rules.Select(rule => new GraceRule(rule.FromSubscriptionCycle, rule.HasMeteredCharge, rule.GracePeriod)).ToList());
    }

    private sealed record Stored(TimeSpan Default, List<StoredRule> Rules);

    private sealed record StoredRule(bool? FromSubscriptionCycle, bool? HasMeteredCharge, TimeSpan GracePeriod);
}

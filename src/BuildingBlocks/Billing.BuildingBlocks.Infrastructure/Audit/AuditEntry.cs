using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.BuildingBlocks.Infrastructure.Audit;

/// <summary>One append-only line of history (AUD-1): when, which key, what, why.</summary>
internal sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AuditEntry()
    {
    }

    /// <summary>Append order. Ids are time-ordered only to the millisecond; history needs exact order.</summary>
    public long Sequence { get; private set; }

    public string Id { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public string EntityType { get; private set; } = string.Empty;

    public string EntityId { get; private set; } = string.Empty;

    public string Action { get; private set; } = string.Empty;

    /// <summary>Field → { from, to }, as JSON.</summary>
    public string Changes { get; private set; } = "{}";

    public string? Reason { get; private set; }

    public static AuditEntry Create(
        DateTimeOffset now,
        string actor,
        string entityType,
        string entityId,
        string action,
        IReadOnlyDictionary<string, AuditChange>? changes,
        string? reason) => new()
        {
            Id = Domain.OpaqueId.New("aud", now),
            OccurredAt = now,
            Actor = actor,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Changes = JsonSerializer.Serialize(changes ?? new Dictionary<string, AuditChange>(), Json),
            Reason = reason,
        };

    public AuditEntryDto ToDto() => new(
        Id,
        OccurredAt,
        Actor,
        EntityType,
        EntityId,
        Action,
        JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(Changes, Json) ?? [],
        Reason);

    public static void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasBulkWrites();
        builder.HasKey(entry => entry.Sequence);
        builder.Property(entry => entry.Id).HasMaxLength(40).IsRequired();
        builder.HasIndex(entry => entry.Id).IsUnique();
        builder.Property(entry => entry.Actor).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.EntityType).HasMaxLength(50).IsRequired();
        builder.Property(entry => entry.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(entry => entry.Action).HasMaxLength(50).IsRequired();
        builder.Property(entry => entry.Changes).IsRequired();
        builder.Property(entry => entry.Reason).HasMaxLength(1000);
        builder.HasIndexPerEnvironment(nameof(EntityType), nameof(EntityId), nameof(Sequence));
    }
}

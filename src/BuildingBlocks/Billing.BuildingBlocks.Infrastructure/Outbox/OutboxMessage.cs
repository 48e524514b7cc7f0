using System.Text.Json;
using Billing.BuildingBlocks.Application.Events;
using Billing.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Billing.BuildingBlocks.Infrastructure.Outbox;

/// <summary>An integration event waiting to be published, stored in its module's transaction.</summary>
internal sealed class OutboxMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Insertion order: events of one module are published in the order they happened.</summary>
    public long Sequence { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.Id,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = integrationEvent.OccurredAt,
        };
    }

    /// <summary>
    /// Only integration events are ever materialised from stored type names, so a row cannot make
    /// the processor instantiate anything else.
    /// </summary>
    public IntegrationEvent ToIntegrationEvent()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        if (!typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Outbox message {Id} names {Type}, which is not an integration event.");
        }

        return (IntegrationEvent)JsonSerializer.Deserialize(Payload, type, Json)!;
    }

    /// <summary>Exponential backoff, capped at an hour: a poison message never blocks the loop.</summary>
    public void MarkFailed(DateTimeOffset now, Exception exception)
    {
        Attempts++;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Attempts)));
        LastError = exception.GetType().Name + ": " + exception.Message;
    }

    public static void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasBulkWrites();
        builder.HasKey(message => message.Sequence);
        builder.HasIndex(message => message.Id).IsUnique();
        builder.Property(message => message.Type).HasMaxLength(300).IsRequired();
        builder.Property(message => message.Payload).IsRequired();
        builder.Property(message => message.LastError).HasMaxLength(2000);
        builder.HasIndex(message => new { message.ProcessedAt, message.Sequence });
    }
}

using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Metering.Contracts;

/// <summary>
/// MET-5: how late an event may arrive and still be taken. The window is an invoicing setting (it
/// decides which periods can still change, INV-5), so Invoicing answers; Metering asks through its
/// own Contracts and so needs nothing of Invoicing's (ARCHITECTURE.md rule 9, ADR 0038).
/// </summary>
public sealed record GetLateUsageWindowQuery : IQuery<TimeSpan>;

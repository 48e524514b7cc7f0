using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Invoicing.Application.Invoices.FindNextDueInstant;

/// <summary>
/// OPS-4: the first instant after <see cref="After"/> at which the invoicing cycle has work: a
/// period closes (its end plus the close delay, INV-2), a draft's grace ends (INV-3), an open
/// invoice's due day is over (INV-11). The simulated clock stops at each on its way forward.
/// </summary>
internal sealed record FindNextCycleInstantQuery(DateTimeOffset After) : IQuery<DateTimeOffset?>;

using Billing.Invoicing.Domain.Rating;

namespace Billing.Invoicing.Domain.Invoices;

/// <summary>A rated line and the period it bills.</summary>
internal sealed record ServiceLine(RatedLine Line, DateTimeOffset Start, DateTimeOffset End);

using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Domain.Operations;

namespace Billing.Payments.Application.Collections.PropagateStatus;

/// <summary>
/// INV-10: an invoice voided (or written off) in Billing is voided (or written off) at the provider
/// when it was sent there. <see cref="Kind"/> is <c>VoidInvoice</c> or <c>MarkUncollectible</c>.
/// </summary>
internal sealed record PropagateInvoiceStatusCommand(string InvoiceId, ProviderOperationKind Kind) : ICommand<bool>;

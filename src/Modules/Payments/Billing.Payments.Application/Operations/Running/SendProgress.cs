using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Application.Collections;
using Billing.Payments.Application.Provider;
using Billing.Payments.Domain.Collections;
using MediatR;

namespace Billing.Payments.Application.Operations.Running;

/// <summary>How far an invoice's send got, read before each step so a rerun resumes where it stopped.</summary>
internal sealed record GetSendStateQuery(string InvoiceId) : IQuery<SendState?>;

internal sealed record SendState(
    string InvoiceId, string CustomerId, string ProviderCustomerId, string? ProviderInvoiceId, ProviderInvoiceStatus Status, int ItemsSent, bool VoidRequested)
{
    public bool IsSettled => Status is ProviderInvoiceStatus.Paid or ProviderInvoiceStatus.Void;
}

internal sealed record RecordInvoiceCreatedCommand(string InvoiceId, string ProviderInvoiceId) : ICommand<int>;

internal sealed record RecordItemSentCommand(string InvoiceId, int Count) : ICommand<int>;

/// <summary>Finalized at the provider, and paid in the same step when the provider settled it at once.</summary>
internal sealed record RecordFinalizedCommand(string InvoiceId, ProviderFinalization Finalization) : ICommand<int>;

internal sealed record RecordCollectionCommand(string InvoiceId, CollectionOutcome Outcome) : ICommand<int>;

/// <summary>Billing's own void or write-off reached the provider.</summary>
internal sealed record RecordSettledCommand(string InvoiceId, ProviderInvoiceStatus Status) : ICommand<int>;

internal sealed class SendProgressHandlers(IProviderInvoiceRepository providerInvoices, TimeProvider clock)
    : IRequestHandler<GetSendStateQuery, SendState?>,
      IRequestHandler<RecordInvoiceCreatedCommand, int>,
      IRequestHandler<RecordItemSentCommand, int>,
      IRequestHandler<RecordFinalizedCommand, int>,
      IRequestHandler<RecordCollectionCommand, int>,
      IRequestHandler<RecordSettledCommand, int>
{
    public async Task<SendState?> Handle(GetSendStateQuery query, CancellationToken cancellationToken) =>
        await providerInvoices.FindAsync(query.InvoiceId, cancellationToken) is { } sent
            ? new SendState(sent.Id, sent.CustomerId, sent.ProviderCustomerId, sent.ProviderInvoiceId, sent.Status, sent.ItemsSent, sent.VoidRequested)
            : null;

    public Task<int> Handle(RecordInvoiceCreatedCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.InvoiceId, sent => sent.Created(command.ProviderInvoiceId, clock.GetUtcNow()), cancellationToken);

    public Task<int> Handle(RecordItemSentCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.InvoiceId, sent => sent.ItemSent(command.Count, clock.GetUtcNow()), cancellationToken);

    public Task<int> Handle(RecordFinalizedCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateAsync(
            command.InvoiceId,
            sent =>
            {
                sent.Finalized(now);
                if (command.Finalization.Paid)
                {
                    sent.Paid(command.Finalization.PaidAt ?? now, now);
                }
            },
            cancellationToken);
    }

    public Task<int> Handle(RecordCollectionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outcome = command.Outcome;
        return UpdateAsync(
            command.InvoiceId,
            sent =>
            {
                if (outcome.Paid)
                {
                    sent.Paid(now, now);
                }
                else
                {
                    sent.PaymentFailed(outcome.FailureReason ?? ProviderInvoice.UnspecifiedFailure, outcome.FailureMessage, now);
                }
            },
            cancellationToken);
    }

    public Task<int> Handle(RecordSettledCommand command, CancellationToken cancellationToken) =>
        UpdateAsync(command.InvoiceId, sent => sent.SettledAsAsked(command.Status, clock.GetUtcNow()), cancellationToken);

    private async Task<int> UpdateAsync(string invoiceId, Action<ProviderInvoice> change, CancellationToken cancellationToken)
    {
        var sent = await providerInvoices.FindAsync(invoiceId, cancellationToken);
        if (sent is null)
        {
            return 0;
        }

        change(sent);
        return 1;
    }
}

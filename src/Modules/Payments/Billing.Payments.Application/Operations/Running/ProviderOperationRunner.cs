using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.BuildingBlocks.Domain.Monetary;
using Billing.BuildingBlocks.Domain.Time;
using Billing.Customers.Contracts;
using Billing.Invoicing.Contracts;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Provider;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Operations;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Billing.Payments.Application.Operations.Running;

/// <summary>
/// Runs one queued operation against the provider (PAY-7), in the caller's environment. Each call
/// carries a key derived from the operation and its step; progress is recorded after each answer,
/// so a rerun skips what is recorded and repeats the rest with the same keys, which the provider
/// answers without doing anything twice. Transient failures wait and retry with backoff; permanent
/// ones are recorded on the operation and not retried (PAY-5).
/// </summary>
internal sealed class ProviderOperationRunner(
    IMediator mediator,
    IPaymentProvider provider,
    IProviderConnections connections,
    ICallerContext caller,
    ILogger<ProviderOperationRunner> logger)
{
    public async Task<bool> RunAsync(string operationId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetOperationWorkQuery(operationId), cancellationToken) is not { } work)
        {
            return false;
        }

        try
        {
            var credentials = await connections.CurrentAsync(cancellationToken)
                ?? throw new PaymentProviderException("stripe_not_configured", "This environment has no Stripe secret key.", transient: false);
            await (work.Kind switch
            {
                ProviderOperationKind.CreateCustomer => CreateCustomerAsync(credentials, work, cancellationToken),
                ProviderOperationKind.SendInvoice => SendInvoiceAsync(credentials, work, cancellationToken),
                ProviderOperationKind.CollectInvoice => CollectAsync(credentials, work, cancellationToken),
                ProviderOperationKind.VoidInvoice => SettleAsync(credentials, work, ProviderInvoiceStatus.Void, cancellationToken),
                ProviderOperationKind.MarkUncollectible => SettleAsync(credentials, work, ProviderInvoiceStatus.Uncollectible, cancellationToken),
                ProviderOperationKind.SetDefaultPaymentMethod => provider.UseSetUpPaymentMethodAsync(credentials, work.Argument, work.SubjectId, work.Key("default"), cancellationToken),
                _ => throw new PaymentProviderException("unknown_operation", $"No runner for {work.Kind}.", transient: false),
            });
            await mediator.Send(new CompleteOperationCommand(work.Id), cancellationToken);
        }
        catch (PaymentProviderException failure) when (!failure.Transient)
        {
            logger.LogWarning("{Provider} refused operation {OperationId} ({Kind} {Subject}) for good: {Code} {Message}",
                provider.Name, work.Id, work.Kind, work.SubjectId, failure.Code, failure.Message);
            await mediator.Send(new FailOperationCommand(work.Id, $"{failure.Code}: {failure.Message}"), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Operation {OperationId} ({Kind} {Subject}) failed and will be retried: {Message}", work.Id, work.Kind, work.SubjectId, failure.Message);
            await mediator.Send(new RetryOperationLaterCommand(work.Id, $"{(failure as PaymentProviderException)?.Code ?? failure.GetType().Name}: {failure.Message}"), cancellationToken);
        }

        return true;
    }

    /// <summary>PAY-2: the Stripe customer of a customer created with <c>?stripe=true</c>, linked back through Customers' Contracts.</summary>
    private async Task CreateCustomerAsync(ProviderCredentials credentials, OperationWork work, CancellationToken cancellationToken)
    {
        var customer = await mediator.Send(new GetCustomerQuery(work.SubjectId), cancellationToken);
        if (customer.StripeCustomerId is not null)
        {
            return;
        }

        var metadata = new Dictionary<string, string>
        {
            ["billing_customer_id"] = customer.Id,
            ["billing_external_id"] = customer.ExternalId,
            ["billing_environment"] = caller.Environment.ToWireName(),
        };
        var providerCustomerId = await provider.CreateCustomerAsync(
            credentials, new ProviderCustomer(customer.Name, customer.Email, metadata), work.Key("customer"), cancellationToken);
        await mediator.Send(new LinkStripeCustomerCommand(customer.Id, providerCustomerId), cancellationToken);
    }

    /// <summary>PAY-4: the provider's invoice with one item per line and Billing's ids as metadata, finalized, then collected.</summary>
    private async Task SendInvoiceAsync(ProviderCredentials credentials, OperationWork work, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetSendStateQuery(work.SubjectId), cancellationToken) is not { IsSettled: false } state)
        {
            return;
        }

        var invoice = await mediator.Send(new GetInvoiceQuery(work.SubjectId), cancellationToken);
        var providerInvoiceId = state.ProviderInvoiceId;
        if (providerInvoiceId is null)
        {
            if (state.VoidRequested)
            {
                return;
            }

            var metadata = new Dictionary<string, string>
            {
                ["billing_invoice_id"] = invoice.Id,
                ["billing_invoice_number"] = invoice.Number ?? string.Empty,
                ["billing_customer_id"] = invoice.CustomerId,
                ["billing_environment"] = caller.Environment.ToWireName(),
            };
            var draft = new ProviderInvoiceDraft(state.ProviderCustomerId, invoice.Currency, $"Invoice {invoice.Number} for {Period.Text(invoice.PeriodStart)} to {Period.Text(invoice.PeriodEnd)}", metadata);
            providerInvoiceId = await provider.CreateInvoiceAsync(credentials, draft, work.Key("invoice"), cancellationToken);
            await mediator.Send(new RecordInvoiceCreatedCommand(invoice.Id, providerInvoiceId), cancellationToken);
        }

        var currency = Currency.FromCode(invoice.Currency);
        for (var index = state.ItemsSent; index < invoice.Lines.Count; index++)
        {
            var line = invoice.Lines[index];
            var item = new ProviderInvoiceItem(
                state.ProviderCustomerId, providerInvoiceId, invoice.Currency, MinorUnits(line.Amount, currency), line.Description, line.PeriodStart, line.PeriodEnd);
            await provider.AddInvoiceItemAsync(credentials, item, work.Key($"item-{index + 1}"), cancellationToken);
            await mediator.Send(new RecordItemSentCommand(invoice.Id, index + 1), cancellationToken);
        }

        if (state.Status < ProviderInvoiceStatus.Open)
        {
            // Stripe settles an invoice with nothing to collect as it finalizes it: then it is paid, and /pay is never called.
            var finalized = await provider.FinalizeInvoiceAsync(credentials, providerInvoiceId, work.Key("finalize"), cancellationToken);
            await mediator.Send(new RecordFinalizedCommand(invoice.Id, finalized), cancellationToken);
        }

        // A void that arrived while the invoice was being built stops it here, before any charge.
        if (await mediator.Send(new GetSendStateQuery(work.SubjectId), cancellationToken) is not { IsSettled: false, VoidRequested: false, Status: ProviderInvoiceStatus.Open })
        {
            return;
        }

        var outcome = await provider.CollectInvoiceAsync(credentials, providerInvoiceId, work.Key("pay"), cancellationToken);
        await mediator.Send(new RecordCollectionCommand(invoice.Id, outcome), cancellationToken);
    }

    /// <summary>An admin's charge after a failed collection: one more attempt, with a key of its own.</summary>
    private async Task CollectAsync(ProviderCredentials credentials, OperationWork work, CancellationToken cancellationToken)
    {
        // Only an open invoice can be paid at the provider.
        if (await mediator.Send(new GetSendStateQuery(work.SubjectId), cancellationToken)
            is not { IsSettled: false, Status: ProviderInvoiceStatus.Open or ProviderInvoiceStatus.PaymentFailed, ProviderInvoiceId: { } providerInvoiceId })
        {
            return;
        }

        var outcome = await provider.CollectInvoiceAsync(credentials, providerInvoiceId, work.Key("pay"), cancellationToken);
        await mediator.Send(new RecordCollectionCommand(work.SubjectId, outcome), cancellationToken);
    }

    /// <summary>INV-10: void or write off at the provider. A draft there is finalized first, as only open invoices can be voided.</summary>
    private async Task SettleAsync(ProviderCredentials credentials, OperationWork work, ProviderInvoiceStatus target, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetSendStateQuery(work.SubjectId), cancellationToken) is not { IsSettled: false, ProviderInvoiceId: { } providerInvoiceId } state
            || state.Status == target)
        {
            return;
        }

        if (state.Status < ProviderInvoiceStatus.Open)
        {
            if (target == ProviderInvoiceStatus.Uncollectible)
            {
                return;
            }

            await provider.FinalizeInvoiceAsync(credentials, providerInvoiceId, work.Key("finalize"), cancellationToken);
        }

        if (target == ProviderInvoiceStatus.Void)
        {
            await provider.VoidInvoiceAsync(credentials, providerInvoiceId, work.Key("void"), cancellationToken);
        }
        else
        {
            await provider.MarkUncollectibleAsync(credentials, providerInvoiceId, work.Key("uncollectible"), cancellationToken);
        }

        await mediator.Send(new RecordSettledCommand(work.SubjectId, target), cancellationToken);
    }

    /// <summary>Lines are rounded to the minor unit already (INV-6), so this is exact.</summary>
    private static long MinorUnits(decimal amount, Currency currency) =>
        decimal.ToInt64(amount * (decimal)Math.Pow(10, currency.MinorUnits));
}

using Billing.BuildingBlocks.Domain;
using Billing.Customers.Contracts;
using Billing.Invoicing.Contracts;
using Billing.Payments.Application.Connections;
using Billing.Payments.Application.Operations;
using Billing.Payments.Application.Provider;
using Billing.Payments.Contracts;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Operations;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Billing.Payments.Application.Collections.SendInvoice;

/// <summary>
/// Records the send and queues its work in one transaction (PAY-7); the provider is called after
/// commit. Unlinked customers are billed but never charged (PAY-2).
/// </summary>
internal sealed class SendInvoiceToProviderHandler(
    IProviderInvoiceRepository providerInvoices,
    IProviderOperationRepository operations,
    IProviderConnections connections,
    IPaymentProvider provider,
    IMediator mediator,
    TimeProvider clock,
    ILogger<SendInvoiceToProviderHandler> logger) : IRequestHandler<SendInvoiceToProviderCommand, InvoicePaymentDto>
{
    public async Task<InvoicePaymentDto> Handle(SendInvoiceToProviderCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = await providerInvoices.FindAsync(command.InvoiceId, cancellationToken);
        if (sent is not null)
        {
            if (command.ByAdmin)
            {
                var pending = (await operations.ForSubjectAsync(sent.Id, cancellationToken)).Any(operation => operation.Status == ProviderOperationStatus.Pending);
                var linked = (await mediator.Send(new GetCustomerQuery(sent.CustomerId), cancellationToken)).StripeCustomerId ?? sent.ProviderCustomerId;
                var (what, attempt) = sent.ChargeAgain(pending, linked, now);
                await operations.QueueAsync(
                    what == ChargeAgain.Collect ? ProviderOperationKind.CollectInvoice : ProviderOperationKind.SendInvoice,
                    sent.Id,
                    attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    now,
                    cancellationToken);
            }

            return await mediator.Send(new GetInvoicePayment.GetInvoicePaymentQuery(command.InvoiceId), cancellationToken);
        }

        var invoice = await mediator.Send(new GetInvoiceQuery(command.InvoiceId), cancellationToken);
        if (invoice.Status is not ("open" or "past_due"))
        {
            return Refuse(command, "invoice_not_chargeable", $"Invoice {invoice.Number ?? invoice.Id} is {invoice.Status}; only an open or past-due invoice can be charged.");
        }

        // Nothing is sent that Stripe would settle without charging it (docs-adr/0030): it would call it
        // paid while Billing still waits, and carry the amount to a later charge Billing never made.
        if (invoice.Total <= 0m)
        {
            return Refuse(command, "nothing_to_charge", $"Invoice {invoice.Number} totals {invoice.Total} {invoice.Currency}; there is nothing to charge.");
        }

        if (provider.MinimumCharge(invoice.Currency) is var minimum && invoice.Total < minimum)
        {
            return Refuse(
                command,
                "amount_below_minimum",
                $"Invoice {invoice.Number} totals {invoice.Total} {invoice.Currency}, below {provider.Name}'s minimum charge of {minimum} {invoice.Currency}; collect it another way, or void it.");
        }

        var customer = await mediator.Send(new GetCustomerQuery(invoice.CustomerId), cancellationToken);
        if (customer.StripeCustomerId is null)
        {
            return Refuse(command, "customer_not_linked", $"Customer {customer.Id} has no Stripe customer; link one (stripeCustomerId) before charging.");
        }

        if (await connections.CurrentAsync(cancellationToken) is null)
        {
            return Refuse(command, "stripe_not_configured", "This environment has no Stripe secret key; set it with PUT /v1/settings/payments/stripe or in configuration.");
        }

        providerInvoices.Add(ProviderInvoice.Queue(invoice.Id, customer.Id, customer.StripeCustomerId, now));
        await operations.QueueAsync(ProviderOperationKind.SendInvoice, invoice.Id, string.Empty, now, cancellationToken);
        return NotYetSent(invoice.Id, customer.StripeCustomerId, "queued");

        InvoicePaymentDto Refuse(SendInvoiceToProviderCommand refused, string code, string message)
        {
            if (refused.ByAdmin)
            {
                throw new BusinessRuleViolation(code, message);
            }

            logger.LogInformation("Invoice {InvoiceId} is not sent to Stripe: {Reason}", refused.InvoiceId, message);
            return NotYetSent(refused.InvoiceId, null, "not_sent");
        }
    }

    private static InvoicePaymentDto NotYetSent(string invoiceId, string? providerCustomerId, string status) =>
        new(invoiceId, "stripe", status, null, providerCustomerId, null, null, []);
}

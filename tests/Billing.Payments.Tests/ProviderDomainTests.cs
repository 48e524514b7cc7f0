using Billing.BuildingBlocks.Domain;
using Billing.Payments.Domain.Collections;
using Billing.Payments.Domain.Connections;
using Billing.Payments.Domain.Operations;

namespace Billing.Payments.Tests;

/// <summary>PAY-1, PAY-5, PAY-7 rules of the Payments domain.</summary>
public sealed class ProviderDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(BillingEnvironment.Test, "sk_test_abc", true)]
    [InlineData(BillingEnvironment.Test, "rk_test_abc", true)]
    [InlineData(BillingEnvironment.Test, "sk_live_abc", false)]
    [InlineData(BillingEnvironment.Live, "sk_live_abc", true)]
    [InlineData(BillingEnvironment.Live, "sk_test_abc", false)]
    [InlineData(BillingEnvironment.Live, "pk_live_abc", false)]
    public void Live_and_test_keys_never_mix(BillingEnvironment environment, string key, bool fits) =>
        StripeKeys.Fits(environment, key).ShouldBe(fits);

    [Fact]
    public void A_connection_set_with_the_wrong_mode_is_refused_and_keeps_only_a_hint_in_clear()
    {
        var connection = StripeConnection.For(BillingEnvironment.Test);
        Should.Throw<BusinessRuleViolation>(() => connection.Set(BillingEnvironment.Test, "sk_live_123456789", Protect, "whsec_1", Now))
            .Code.ShouldBe("stripe_key_environment_mismatch");

        connection.Set(BillingEnvironment.Test, "sk_test_123456789abcd", Protect, "whsec_1", Now);
        connection.SecretKeyHint.ShouldBe("sk_test_…abcd");
        connection.ProtectedSecretKey.ShouldBe("protected:sk_test_123456789abcd");

        static string Protect(string secret) => "protected:" + secret;
    }

    [Fact]
    public void A_payment_failure_is_told_once_and_a_reasonless_report_is_refined_by_the_reasoned_one()
    {
        var sent = ProviderInvoice.Queue("inv_1", "cus_1", "cus_stripe", Now);
        sent.Created("in_1", Now);
        sent.Finalized(Now);

        sent.PaymentFailed(ProviderInvoice.UnspecifiedFailure, null, Now);
        sent.PaymentFailed("requires_payment_method", "no card", Now);
        sent.PaymentFailed(ProviderInvoice.UnspecifiedFailure, null, Now);
        sent.PaymentFailed("requires_payment_method", "no card", Now);

        sent.DomainEvents.Cast<ProviderInvoiceChanged>().Select(change => change.Reason)
            .ShouldBe([ProviderInvoice.UnspecifiedFailure, "requires_payment_method"]);
        sent.FailureReason.ShouldBe("requires_payment_method");
    }

    [Fact]
    public void Charging_again_finishes_a_stopped_send_or_asks_for_payment_again_and_paid_is_final()
    {
        var sent = ProviderInvoice.Queue("inv_1", "cus_1", "cus_wrong", Now);
        Should.Throw<BusinessRuleViolation>(() => sent.ChargeAgain(workPending: true, "cus_right", Now)).Code.ShouldBe("invoice_being_sent");

        // Stripe refused the send for good (no such customer); the link was fixed: the send starts over with it.
        sent.ChargeAgain(workPending: false, "cus_right", Now).ShouldBe((ChargeAgain.Resend, 2));
        sent.ProviderCustomerId.ShouldBe("cus_right");

        sent.Created("in_1", Now);
        sent.Finalized(Now);
        sent.PaymentFailed("card_declined", null, Now);
        sent.ChargeAgain(workPending: false, "cus_other", Now).ShouldBe((ChargeAgain.Collect, 3));
        sent.Status.ShouldBe(ProviderInvoiceStatus.Open);
        sent.ProviderCustomerId.ShouldBe("cus_right");

        sent.Paid(Now, Now);
        sent.Voided(Now);
        sent.Status.ShouldBe(ProviderInvoiceStatus.Paid);
        Should.Throw<BusinessRuleViolation>(() => sent.ChargeAgain(workPending: false, "cus_right", Now)).Code.ShouldBe("invoice_already_sent");
        sent.DomainEvents.Cast<ProviderInvoiceChanged>().Select(change => change.Status)
            .ShouldBe([ProviderInvoiceStatus.PaymentFailed, ProviderInvoiceStatus.Paid]);
    }

    [Fact]
    public void Idempotency_keys_come_from_Billings_ids_and_transient_failures_back_off_up_to_an_hour()
    {
        var send = ProviderOperation.Queue(ProviderOperationKind.SendInvoice, "inv_1", string.Empty, Now);
        var retry = ProviderOperation.Queue(ProviderOperationKind.CollectInvoice, "inv_1", "2", Now);
        send.IdempotencyKeyPrefix(BillingEnvironment.Test).ShouldBe("billing-test-sendinvoice-inv_1");
        retry.IdempotencyKeyPrefix(BillingEnvironment.Live).ShouldBe("billing-live-collectinvoice-inv_1-2");

        var delays = Enumerable.Range(0, 10).Select(_ =>
        {
            send.RetryLater("timeout", Now);
            return send.NextAttemptAt - Now;
        }).ToList();
        delays.Take(3).ShouldBe([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)]);
        delays.Last().ShouldBe(TimeSpan.FromHours(1));
        send.Status.ShouldBe(ProviderOperationStatus.Pending);

        send.Fail("invalid_request_error: no", Now);
        send.Status.ShouldBe(ProviderOperationStatus.Failed);
        send.Complete(Now);
        send.Status.ShouldBe(ProviderOperationStatus.Failed);
    }
}

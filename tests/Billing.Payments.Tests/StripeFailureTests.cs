using System.Net;
using Billing.Payments.Application.Provider;
using Billing.Payments.Infrastructure.Stripe;
using Stripe;

namespace Billing.Payments.Tests;

/// <summary>PAY-5 and PAY-7: what Stripe.net throws, in the port's terms: the reason a refusal records, and what is retried.</summary>
public sealed class StripeFailureTests
{
    [Theory]
    [InlineData("requires_payment_method", null, null, "card_error", "requires_payment_method")]
    [InlineData(null, "card_declined", "insufficient_funds", "card_error", "insufficient_funds")]
    [InlineData(null, "card_declined", null, "card_error", "card_declined")]
    [InlineData(null, null, null, "invalid_request_error", "invalid_request_error")]
    public void A_refusal_records_the_most_specific_reason_Stripe_gives(string? intentStatus, string? code, string? declineCode, string type, string reason)
    {
        var error = new StripeError
        {
            Type = type,
            Code = code,
            DeclineCode = declineCode,
            Message = "Refused.",
            PaymentIntent = intentStatus is null ? null : new PaymentIntent { Status = intentStatus },
        };

        StripeFailures.Reason(error).ShouldBe(reason);
    }

    [Fact]
    public void A_customer_without_a_payment_method_is_requires_payment_method() =>
        StripeFailures.Reason(new StripeError { Type = "invalid_request_error", Message = "This customer has no attached payment source or default payment method." })
            .ShouldBe("requires_payment_method");

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.Conflict, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.PaymentRequired, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Rate_limits_conflicts_and_server_errors_are_transient_refusals_are_not(HttpStatusCode status, bool transient)
    {
        var failure = new StripeException(status, new StripeError { Type = "api_error", Code = "code", Message = "Failed." }, "Failed.");

        var translated = StripeFailures.Translate(failure, CancellationToken.None).ShouldNotBeNull();

        translated.Transient.ShouldBe(transient);
        translated.StatusCode.ShouldBe((int)status);
        StripeFailures.IsRefusal(failure).ShouldBe(!transient);
    }

    [Fact]
    public void A_timeout_or_an_unreachable_stripe_is_transient_but_the_callers_own_cancellation_is_not_translated()
    {
        StripeFailures.Translate(new TaskCanceledException("timed out"), CancellationToken.None).ShouldNotBeNull().Code.ShouldBe("timeout");
        StripeFailures.Translate(new HttpRequestException("refused"), CancellationToken.None).ShouldNotBeNull().Transient.ShouldBeTrue();
        StripeFailures.Translate(new TaskCanceledException(), new CancellationToken(canceled: true)).ShouldBeNull();
        StripeFailures.Translate(new InvalidOperationException(), CancellationToken.None).ShouldBeNull();
    }
}

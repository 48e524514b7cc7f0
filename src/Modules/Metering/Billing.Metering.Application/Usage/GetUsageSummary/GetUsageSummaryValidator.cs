using Billing.Metering.Contracts;
using FluentValidation;

namespace Billing.Metering.Application.Usage.GetUsageSummary;

internal sealed class GetUsageSummaryValidator : AbstractValidator<GetUsageSummaryQuery>
{
    public GetUsageSummaryValidator()
    {
        RuleFor(query => query.From).NotEqual(default(DateTimeOffset)).WithMessage("from is required (RFC 3339).");
        RuleFor(query => query.To).NotEqual(default(DateTimeOffset)).WithMessage("to is required (RFC 3339).");
        RuleFor(query => query.To).GreaterThan(query => query.From).WithMessage("to must be after from: the range is [from, to).")
            .When(query => query.From != default && query.To != default);
    }
}

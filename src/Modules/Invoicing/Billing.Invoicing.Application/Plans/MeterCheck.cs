using Billing.Invoicing.Contracts;
using Billing.Metering.Contracts;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Billing.Invoicing.Application.Plans;

/// <summary>PLN-2: every usage charge prices a meter that exists in the caller's environment (asked of Metering).</summary>
internal static class MeterCheck
{
    public static async Task EnsureMetersExistAsync(this IMediator mediator, IReadOnlyList<UsageChargeDto>? charges, CancellationToken cancellationToken)
    {
        if (charges is not { Count: > 0 })
        {
            return;
        }

        var known = await mediator.Send(new FindMetersByCodesQuery(charges.Select(charge => charge.Meter!).ToList()), cancellationToken);
        var failures = charges
            .Select((charge, index) => (charge, index))
            .Where(item => !known.ContainsKey(item.charge.Meter!))
            .Select(item => new ValidationFailure($"charges[{item.index}].meter", $"No meter has code '{item.charge.Meter}' in this environment."))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}

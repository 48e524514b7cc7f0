using Billing.BuildingBlocks.Application.Validation;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Plans;
using FluentValidation;

namespace Billing.Invoicing.Application.Plans;

/// <summary>PLN-1, PLN-2: the fees and charges of a plan version, judged the same on create and on a new version.</summary>
internal static class PlanTermsRules
{
    public static void FeesAndCharges<T>(this AbstractValidator<T> validator, Func<T, FixedFeesDto?> fees, Func<T, IReadOnlyList<UsageChargeDto>?> charges)
    {
        validator.RuleFor(command => fees(command)).SetValidator(new FixedFeesValidator()).OverridePropertyName("fixedFees");
        validator.RuleForEach(command => charges(command)).SetValidator(new UsageChargeValidator()).OverridePropertyName("charges");
        validator.RuleFor(command => charges(command))
            .Must(list => list is null || list.Select(charge => charge.Meter).Distinct().Count() == list.Count)
            .WithMessage("A plan has at most one charge per meter.")
            .OverridePropertyName("charges");
    }

    private sealed class FixedFeesValidator : AbstractValidator<FixedFeesDto?>
    {
        public FixedFeesValidator()
        {
            RuleFor(fees => fees!.RecurringFee).GreaterThanOrEqualTo(0m);
            RuleFor(fees => fees!.SetupFee).GreaterThanOrEqualTo(0m);
            RuleFor(fees => fees!.MinimumCommitment).GreaterThanOrEqualTo(0m);
        }
    }

    private sealed class UsageChargeValidator : AbstractValidator<UsageChargeDto>
    {
        public UsageChargeValidator()
        {
            RuleFor(charge => charge.Meter).NotEmpty().WithMessage("meter must name a meter by its code.");
            RuleFor(charge => charge.Model).NotEmpty().WireNameOf<UsageChargeDto, ChargeModel>();
            RuleFor(charge => charge.FreeUnits).GreaterThanOrEqualTo(0m);
            When(charge => charge.Model == WireName.Of(ChargeModel.PerUnit), () =>
                RuleFor(charge => charge.UnitPrice).NotNull().GreaterThanOrEqualTo(0m));
            When(charge => charge.Model == WireName.Of(ChargeModel.Package), () =>
            {
                RuleFor(charge => charge.PackageSize).NotNull().GreaterThan(0m);
                RuleFor(charge => charge.PackagePrice).NotNull().GreaterThanOrEqualTo(0m);
            });
            When(charge => charge.Model == WireName.Of(ChargeModel.Graduated) || charge.Model == WireName.Of(ChargeModel.Volume), () =>
            {
                RuleFor(charge => charge.Tiers).NotEmpty().WithMessage("tiers must list at least one tier.");
                RuleForEach(charge => charge.Tiers).ChildRules(tier =>
                {
                    tier.RuleFor(t => t.UnitPrice).NotNull().GreaterThanOrEqualTo(0m);
                    tier.RuleFor(t => t.FlatFee).GreaterThanOrEqualTo(0m);
                    tier.RuleFor(t => t.UpTo).GreaterThan(0m);
                });
                RuleFor(charge => charge.Tiers)
                    .Must(TiersRiseAndEndUnbounded)
                    .When(charge => charge.Tiers is { Count: > 0 })
                    .WithMessage("Tier bounds (upTo) must rise, and only the last tier has no upTo.");
            });
        }

        private static bool TiersRiseAndEndUnbounded(IReadOnlyList<TierDto>? tiers)
        {
            if (tiers is null || tiers[^1].UpTo is not null)
            {
                return false;
            }

            for (var i = 0; i < tiers.Count - 1; i++)
            {
                if (tiers[i].UpTo is not { } upTo || (i > 0 && upTo <= tiers[i - 1].UpTo))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

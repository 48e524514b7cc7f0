using System.Text.Json;
using Billing.Invoicing.Application.Plans;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Plans;

namespace Billing.Invoicing.Infrastructure.Persistence.Configurations;

/// <summary>
/// A version's fees and charges stored as JSON in its row: a version is written once and read
/// whole, never queried by price. The JSON is the API's own shape, so a row reads like the answer.
/// </summary>
internal static class PriceJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(FixedFees fees) =>
        JsonSerializer.Serialize(new FixedFeesDto(fees.RecurringFee, fees.SetupFee, fees.MinimumCommitment), Json);

    public static FixedFees ReadFees(string json) => JsonSerializer.Deserialize<FixedFeesDto>(json, Json).ToDomain();

    public static string Write(IReadOnlyList<UsageCharge> charges) =>
        JsonSerializer.Serialize(charges.Select(charge => charge.ToDto()).ToList(), Json);

    public static IReadOnlyList<UsageCharge> ReadCharges(string json) =>
        JsonSerializer.Deserialize<List<UsageChargeDto>>(json, Json).ToDomain();
}

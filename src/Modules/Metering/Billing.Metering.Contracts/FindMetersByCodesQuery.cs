using Billing.BuildingBlocks.Application.Messaging;

namespace Billing.Metering.Contracts;

/// <summary>The meters of the caller's environment among these codes; unknown codes are absent.</summary>
public sealed record FindMetersByCodesQuery(IReadOnlyCollection<string> Codes) : IQuery<IReadOnlyDictionary<string, MeterDto>>;

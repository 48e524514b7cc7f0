using Billing.BuildingBlocks.Domain.Monetary;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Billing.BuildingBlocks.Infrastructure.Persistence;

/// <summary>A currency is stored as its ISO 4217 code, in every module.</summary>
public sealed class CurrencyCodeConverter() : ValueConverter<Currency, string>(
    currency => currency.Code,
    code => Currency.FromCode(code));

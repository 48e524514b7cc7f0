using System.Collections.Frozen;

namespace Billing.BuildingBlocks.Domain.Monetary;

/// <summary>
/// Active ISO 4217 codes and their minor units. The BCL's culture data gives display formats,
/// not ISO minor units, so the table is kept here. Funds and metals without a minor unit are left out.
/// </summary>
internal static class Iso4217
{
    private const string ZeroDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDecimals = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDecimals = "CLF UYW";
    private const string TwoDecimals =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
        "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR " +
        "LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD " +
        "PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC " +
        "SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

    public static readonly FrozenDictionary<string, int> MinorUnits =
        Codes(ZeroDecimals, 0)
            .Concat(Codes(TwoDecimals, 2))
            .Concat(Codes(ThreeDecimals, 3))
            .Concat(Codes(FourDecimals, 4))
            .ToFrozenDictionary(StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, int>> Codes(string codes, int minorUnits) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => KeyValuePair.Create(code, minorUnits));
}

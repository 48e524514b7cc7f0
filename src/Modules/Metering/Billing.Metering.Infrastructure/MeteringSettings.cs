using Billing.Metering.Application.Usage;
using Billing.Metering.Domain.Usage;
using Microsoft.Extensions.Configuration;

namespace Billing.Metering.Infrastructure;

/// <summary><c>Billing:Metering:LateUsageWindow</c> (a time span, default 35 days).</summary>
internal sealed class MeteringSettings(IConfiguration configuration) : IMeteringSettings
{
    public TimeSpan LateUsageWindow { get; } =
        configuration.GetValue<TimeSpan?>("Billing:Metering:LateUsageWindow") ?? UsageWindow.DefaultLateUsageWindow;
}

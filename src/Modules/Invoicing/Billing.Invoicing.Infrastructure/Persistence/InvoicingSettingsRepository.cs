using Billing.BuildingBlocks.Application.Access;
using Billing.BuildingBlocks.Domain;
using Billing.Invoicing.Application.Settings;
using Billing.Invoicing.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Billing.Invoicing.Infrastructure.Persistence;

/// <summary>
/// The saved settings of the caller's environment, or the configured defaults (OPS-5:
/// <c>Billing:Invoicing:CloseDelay</c>, <c>Billing:Invoicing:DefaultGracePeriod</c>,
/// <c>Billing:Metering:LateUsageWindow</c>). Read once per unit of work.
/// </summary>
internal sealed class InvoicingSettingsRepository(InvoicingDbContext context, ICallerContext caller, IConfiguration configuration) : IInvoicingSettingsRepository
{
    private InvoicingSettings? _current;

    public async Task<InvoicingSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            return _current;
        }

        var id = caller.Environment.ToWireName();
        _current = await context.Settings.SingleOrDefaultAsync(settings => settings.Id == id, cancellationToken)
            ?? InvoicingSettings.Defaults(
                caller.Environment,
                configuration.GetValue("Billing:Invoicing:CloseDelay", TimeSpan.FromHours(1)),
                configuration.GetValue("Billing:Invoicing:DefaultGracePeriod", TimeSpan.FromHours(1)),
                configuration.GetValue("Billing:Metering:LateUsageWindow", TimeSpan.FromDays(35)));
        return _current;
    }

    public void Add(InvoicingSettings settings) => context.Settings.Add(settings);

    public bool IsSaved(InvoicingSettings settings) => context.Entry(settings).State != EntityState.Detached;
}

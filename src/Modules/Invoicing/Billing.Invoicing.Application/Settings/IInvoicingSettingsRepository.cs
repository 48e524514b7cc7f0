using Billing.Invoicing.Domain.Settings;

namespace Billing.Invoicing.Application.Settings;

/// <summary>The environment's invoicing settings: the saved ones, or the configured defaults.</summary>
internal interface IInvoicingSettingsRepository
{
    /// <summary>Tracked when saved before; otherwise fresh defaults, added on first change.</summary>
    Task<InvoicingSettings> GetAsync(CancellationToken cancellationToken);

    void Add(InvoicingSettings settings);

    bool IsSaved(InvoicingSettings settings);
}

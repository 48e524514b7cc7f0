using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Settings.GetInvoicingSettings;

/// <summary>The environment's invoicing settings, or the configured defaults before any change.</summary>
internal sealed record GetInvoicingSettingsQuery : IQuery<InvoicingSettingsDto>;

internal sealed class GetInvoicingSettingsHandler(IInvoicingSettingsRepository settings)
    : IRequestHandler<GetInvoicingSettingsQuery, InvoicingSettingsDto>
{
    public async Task<InvoicingSettingsDto> Handle(GetInvoicingSettingsQuery query, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        return current.ToDto(settings.IsSaved(current));
    }
}

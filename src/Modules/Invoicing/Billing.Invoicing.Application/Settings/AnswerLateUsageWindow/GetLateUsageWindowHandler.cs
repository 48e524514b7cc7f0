using Billing.Metering.Contracts;
using MediatR;

namespace Billing.Invoicing.Application.Settings.AnswerLateUsageWindow;

/// <summary>MET-5: Metering's question, answered from the environment's invoicing settings (INV-5).</summary>
internal sealed class GetLateUsageWindowHandler(IInvoicingSettingsRepository settings) : IRequestHandler<GetLateUsageWindowQuery, TimeSpan>
{
    public async Task<TimeSpan> Handle(GetLateUsageWindowQuery query, CancellationToken cancellationToken) =>
        (await settings.GetAsync(cancellationToken)).LateUsageWindow;
}

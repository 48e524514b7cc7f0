using Billing.BuildingBlocks.Infrastructure.Scheduling;
using Billing.Invoicing.Application.Notifications;
using Billing.Invoicing.Application.Notifications.Delivery;
using Billing.Invoicing.Application.Notifications.FindNextDeliveryInstant;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Invoicing.Infrastructure.Scheduling;

/// <summary>INV-11: sends the outbound webhooks that are due, in each environment, retrying failures with backoff.</summary>
internal sealed class WebhookDeliveryJob(IServiceScopeFactory scopes, IWebhookSender sender, TimeProvider clock) : IScheduledJob
{
    public string Name => "webhook-delivery";

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var environment in EnvironmentJobScope.All)
        {
            foreach (var id in await scopes.SendAsync(environment, Name, new FindDueDeliveriesQuery(200), cancellationToken))
            {
                if (await scopes.SendAsync(environment, Name, new GetDeliveryWorkQuery(id), cancellationToken) is not { } work)
                {
                    continue;
                }

                var (status, error) = await sender.SendAsync(work, clock.GetUtcNow(), cancellationToken);
                sent += await scopes.SendAsync(environment, Name, new RecordDeliveryAttemptCommand(id, status, error), cancellationToken);
            }
        }

        return sent;
    }

    public Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        scopes.EarliestAsync(Name, new FindNextDeliveryInstantQuery(after), cancellationToken);
}

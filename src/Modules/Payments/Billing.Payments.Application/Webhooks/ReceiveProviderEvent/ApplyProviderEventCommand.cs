using Billing.BuildingBlocks.Application.Messaging;
using Billing.Payments.Application.Provider;

namespace Billing.Payments.Application.Webhooks.ReceiveProviderEvent;

/// <summary>A verified provider event, applied once; answers applied, duplicate or ignored.</summary>
internal sealed record ApplyProviderEventCommand(ProviderEvent Event) : ICommand<string>;

using Billing.BuildingBlocks.Application.Audit;
using Billing.BuildingBlocks.Application.Errors;
using Billing.BuildingBlocks.Application.Messaging;
using Billing.Invoicing.Contracts;
using Billing.Invoicing.Domain.Notifications;
using FluentValidation;
using MediatR;

namespace Billing.Invoicing.Application.Notifications.Endpoints;

/// <summary>INV-11: an admin adds an endpoint for the environment's outbound webhooks.</summary>
internal sealed record CreateWebhookEndpointCommand(string? Url) : ICommand<WebhookEndpointDto>;

internal sealed record DisableWebhookEndpointCommand(string EndpointId) : ICommand<WebhookEndpointDto>;

internal sealed record ListWebhookEndpointsQuery : IQuery<IReadOnlyList<WebhookEndpointDto>>;

internal sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointValidator(IWebhookTargetPolicy targets) =>
        RuleFor(command => command.Url).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(2000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("url must be an absolute http(s) URL.")
            .CustomAsync(async (url, context, cancellationToken) =>
            {
                if (await targets.RefusalAsync(new Uri(url!), cancellationToken) is { } refusal)
                {
                    context.AddFailure(refusal);
                }
            });
}

internal sealed class WebhookEndpointHandlers(INotificationRepository notifications, IWebhookSecretProtector secrets, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointDto>,
      IRequestHandler<DisableWebhookEndpointCommand, WebhookEndpointDto>,
      IRequestHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    private const string AuditEntityType = "webhook_endpoint";

    public Task<WebhookEndpointDto> Handle(CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var secret = WebhookEndpoint.NewSecret();
        var endpoint = WebhookEndpoint.Create(new Uri(command.Url!), secrets.Protect(secret), clock.GetUtcNow());
        notifications.Add(endpoint);
        audit.Record(AuditEntityType, endpoint.Id, "created", new Dictionary<string, AuditChange> { ["url"] = new(null, endpoint.Url) });
        return Task.FromResult(new WebhookEndpointDto(endpoint.Id, endpoint.Url, secret, endpoint.CreatedAt, null));
    }

    public async Task<WebhookEndpointDto> Handle(DisableWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await notifications.FindEndpointAsync(command.EndpointId, cancellationToken)
            ?? throw new NotFoundException(AuditEntityType, command.EndpointId);
        endpoint.Disable(clock.GetUtcNow());
        audit.Record(AuditEntityType, endpoint.Id, "disabled");
        return new WebhookEndpointDto(endpoint.Id, endpoint.Url, null, endpoint.CreatedAt, endpoint.DisabledAt);
    }

    public async Task<IReadOnlyList<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery query, CancellationToken cancellationToken) =>
        (await notifications.EndpointsAsync(enabledOnly: false, cancellationToken))
            .Select(endpoint => new WebhookEndpointDto(endpoint.Id, endpoint.Url, null, endpoint.CreatedAt, endpoint.DisabledAt)).ToList();
}

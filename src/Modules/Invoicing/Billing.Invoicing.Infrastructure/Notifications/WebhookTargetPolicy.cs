using System.Net;
using System.Net.Sockets;
using Billing.Invoicing.Application.Notifications;
using Microsoft.Extensions.Configuration;

namespace Billing.Invoicing.Infrastructure.Notifications;

/// <summary>
/// https only, and every address the host name resolves to must be public: not loopback, link-local,
/// private (RFC 1918, unique local), shared (100.64/10), unspecified or multicast. Checked when an
/// endpoint is made, and again by the sender on every connection, so a name that later resolves
/// elsewhere (DNS rebinding) is refused too.
/// </summary>
internal sealed class WebhookTargetPolicy(IConfiguration configuration) : IWebhookTargetPolicy
{
    public const string AllowPrivateTargetsSetting = "Billing:Webhooks:AllowPrivateTargets";

    public bool AllowsPrivateTargets => configuration.GetValue<bool>(AllowPrivateTargetsSetting);

    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (AllowsPrivateTargets)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "url must use https; plain http is allowed only with " + AllowPrivateTargetsSetting + ".";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"'{url.Host}' does not resolve to any address.";
        }

        return addresses.Length == 0 ? $"'{url.Host}' does not resolve to any address."
            : addresses.FirstOrDefault(address => !IsPublic(address)) is { } inside
                ? $"'{url.Host}' resolves to {inside}, a loopback, link-local or private address; webhooks go to public addresses only."
                : null;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] switch
            {
                0 or 10 or 127 => false,
                100 => bytes[1] is < 64 or > 127,
                169 => bytes[1] != 254,
                172 => bytes[1] is < 16 or > 31,
                192 => bytes[1] != 168,
                >= 224 => false,
                _ => true,
            };
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }
}

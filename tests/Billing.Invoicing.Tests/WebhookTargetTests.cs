using System.Net;
using System.Net.Sockets;
using Billing.Invoicing.Application.Notifications;
using Billing.Invoicing.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;

namespace Billing.Invoicing.Tests;

/// <summary>
/// docs-adr/0031: outbound webhooks reach public addresses only, checked again on every connection,
/// so a name that resolves elsewhere after the endpoint was made (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookTargetTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1::1", true)]
    public void Only_public_addresses_receive_webhooks(string address, bool isPublic) =>
        WebhookTargetPolicy.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);

    [Fact]
    public async Task The_sender_refuses_to_connect_to_a_private_address_even_for_an_endpoint_that_was_accepted()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var sender = new HttpWebhookSender(new WebhookTargetPolicy(new ConfigurationBuilder().Build()));
        var work = new DeliveryWork("wd_1", "ntf_1", "invoice.past_due", $"http://localhost:{port}/hooks", "whsec_x", "{}");

        var (status, error) = await sender.SendAsync(work, DateTimeOffset.UtcNow, CancellationToken.None);

        status.ShouldBeNull();
        error!.ShouldContain("public addresses only");
        listener.Pending().ShouldBeFalse("nothing connected to the loopback listener");
    }
}

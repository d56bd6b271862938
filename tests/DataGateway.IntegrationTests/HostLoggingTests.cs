using System.Net;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// The gateway and an embedded node share one process (<c>dg serve</c>): each host's events go to
/// its own log file and are flushed when that host stops, never into the other's.
/// </summary>
public sealed class HostLoggingTests
{
    [Fact]
    public async Task EachHost_WritesItsOwnEvents_ToItsOwnFile()
    {
        var ct = TestContext.Current.CancellationToken;
        // The harness quiets the gateway to warnings; this test needs its information events.
        var harness = await GatewayHarness.StartAsync(configureGateway: b => b.Configuration["Serilog:MinimumLevel:Default"] = "Information", logToFiles: true);
        var logs = harness.LogDirectory!;
        try
        {
            // The node refuses a request without a ticket and logs why.
            var node = harness.NodeServices!.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using (var direct = new HttpClient { BaseAddress = new Uri(node) })
            using (var refused = await direct.PostAsync("/internal/v1/verifications", new StringContent("{}"), ct))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            // The gateway refuses a token it cannot validate and logs why.
            using var request = harness.Send(HttpMethod.Get, "/v1/consents", "not-a-token");
            using var unauthenticated = await harness.Client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }
        finally
        {
            await harness.DisposeAsync(); // flushes each host's own buffered file sink
        }

        var nodeLog = await HostLogs.ReadAsync(logs, "node", ct);
        var gatewayLog = await HostLogs.ReadAsync(logs, "gateway", ct);
        Assert.Contains("Refused a node request", nodeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused a node request", gatewayLog, StringComparison.Ordinal);
        Assert.Contains("Authentication failed", gatewayLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Authentication failed", nodeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("\"component\":\"gateway\"", nodeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("\"component\":\"node\"", gatewayLog, StringComparison.Ordinal);
    }
}

using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Clients that leave mid-request: the audit log says so, and neither host reports it as its own fault.
/// Under load every disconnect used to page as "node unavailable" at the gateway and as an unhandled
/// error with a stack trace at the node, whose body the gateway's cancelled forward cut short.
/// </summary>
public sealed class ClientAbortTests
{
    private static readonly string Subject = GroundTruth.All[0].Uscc;

    [Fact]
    public async Task AClientLeavingWhileTheNodeComputes_IsAuditedAsClientClosedRequest_NotLoggedAsANodeFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = await StubNode.StartAsync();
        stub.Respond = (_, context) => Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
        var harness = await GatewayHarness.StartAsync(
            stub: stub, configureGateway: b => b.Configuration["Serilog:MinimumLevel:Default"] = "Information", logToFiles: true);
        Dictionary<string, object?> outcome;
        try
        {
            using var leaving = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var request = harness.Post(
                "/v1/verifications", new { subject = Subject, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } }, harness.TokenFor());
            var pending = harness.Client.SendAsync(request, leaving.Token);
            await Eventually.TrueAsync(() => !stub.Requests.IsEmpty, TimeSpan.FromSeconds(10), "the node received the request", ct);

            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

            outcome = await Eventually.ValueAsync(
                () => AuditReader.ReadAll(harness.AuditDatabasePath).LastOrDefault(e => (string?)e["kind"] == "verification" && (string?)e["decision"] != "intent"),
                TimeSpan.FromSeconds(10), "the outcome entry", ct);
        }
        finally
        {
            release.TrySetResult();
            await harness.DisposeAsync(); // flushes the log files
            await stub.DisposeAsync();
        }

        Assert.Equal("failed", (string?)outcome["decision"]);
        Assert.Equal("client_closed_request", (string?)outcome["reason"]);
        Assert.Null(outcome["result_digest"]);
        var gatewayLog = await HostLogs.ReadAsync(harness.LogDirectory!, "gateway", ct);
        Assert.Contains("Client closed the request before node", gatewayLog, StringComparison.Ordinal);
        Assert.DoesNotContain("unavailable", gatewayLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenBodyAtTheNode_Gets400_AndIsNotLoggedAsAnUnhandledError()
    {
        var ct = TestContext.Current.CancellationToken;
        var harness = await GatewayHarness.StartAsync(logToFiles: true);
        try
        {
            var node = harness.NodeServices!.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await using (var raw = await RawHttp.ConnectAsync(node, ct))
            {
                // A body that ends early or breaks its framing fails inside the endpoint's body read, as the body of a
                // forward the gateway abandons does: the node answers 400 and does not call it a fault of its own.
                await raw.SendAsync(
                    "POST /internal/v1/verifications HTTP/1.1\r\nHost: node\r\nDG-Ticket: a.b.c\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"sub\r\nzz\r\n", ct);
                var (text, _) = await raw.ReadUntilClosedAsync(TimeSpan.FromSeconds(10), ct);
                Assert.Equal([400], RawHttp.StatusCodes(text));
            }

            // The node is still serving, and says why it refuses a whole request.
            using var direct = new HttpClient { BaseAddress = new Uri(node) };
            using var refused = await direct.PostAsync("/internal/v1/verifications", new StringContent("{}"), ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await harness.DisposeAsync();
        }

        var nodeLog = await HostLogs.ReadAsync(harness.LogDirectory!, "node", ct);
        Assert.Contains("Refused a node request", nodeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("BadHttpRequestException", nodeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("unhandled exception", nodeLog, StringComparison.OrdinalIgnoreCase);
    }
}

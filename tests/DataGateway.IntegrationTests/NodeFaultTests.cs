using System.Net;
using System.Text;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md G10: a data node that hangs, trickles its body, floods it or is gone yields a problem within the
/// gateway's node deadline, never its payload, and the failure is audited.
/// </summary>
public sealed class NodeFaultTests : IAsyncLifetime
{
    private const string RawValue = "7319884";
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(1);
    private static readonly string Subject = GroundTruth.All[0].Uscc;
    private StubNode _node = null!;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _node, nodeTimeout: NodeTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task HangingNode_Is504NodeTimeout_AndAuditedAsFailed()
    {
        _node.Respond = async (_, context) => await Task.Delay(Timeout.Infinite, context.RequestAborted);

        using var response = await AskAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout, "node_timeout");
        var last = AuditReader.ReadAll(_harness.AuditDatabasePath)[^1];
        Assert.Equal(("failed", "node_timeout"), ((string)last["decision"]!, (string)last["reason"]!));
    }

    [Fact]
    public async Task NodeTricklingItsBody_UnderTheIdleTimeout_IsStillCutAtTheDeadline()
    {
        // Each byte arrives well inside YARP's idle timeout; only a deadline for the whole exchange stops this.
        _node.Respond = async (_, context) =>
        {
            context.Response.ContentType = "application/json";
            var prefix = Encoding.UTF8.GetBytes($$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true"}],"pad":" """);
            await context.Response.Body.WriteAsync(prefix, context.RequestAborted);
            for (var i = 0; i < 200; i++)
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(RawValue[..1]), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
            }
        };

        using var response = await AskAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout, "node_timeout");
    }

    [Fact]
    public async Task NodeFlooding50MegabytesOfBody_IsRefusedAtTheCap_AndNoneOfItIsReleased()
    {
        _node.Respond = async (_, context) =>
        {
            context.Response.ContentType = "application/json";
            var chunk = Encoding.UTF8.GetBytes(new string('7', 64 * 1024));
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"pad":" """), context.RequestAborted);
            for (var written = 0; written < 50 * 1024 * 1024; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };

        using var response = await AskAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "egress_violation");
        Assert.DoesNotContain("7777777", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeThatIsGone_Is503NodeUnavailable_AndAuditedAsFailed()
    {
        var gone = await StubNode.StartAsync();
        await using var harness = await GatewayHarness.StartAsync(stub: gone, nodeTimeout: NodeTimeout);
        await gone.DisposeAsync(); // its port no longer answers: connection refused

        using var response = await harness.Client.SendAsync(Verification(harness), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "node_unavailable");
        var last = AuditReader.ReadAll(harness.AuditDatabasePath)[^1];
        Assert.Equal(("failed", "node_unavailable"), ((string)last["decision"]!, (string)last["reason"]!));
    }

    private Task<HttpResponseMessage> AskAsync() => _harness.Client.SendAsync(Verification(_harness), TestContext.Current.CancellationToken);

    private static HttpRequestMessage Verification(GatewayHarness harness) =>
        harness.PostRaw("/v1/verifications", $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", harness.TokenFor());
}

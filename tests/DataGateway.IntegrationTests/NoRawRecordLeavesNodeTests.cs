using System.Net;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Invariant 1: the egress guard lets only the route's result schema through. A misbehaving
/// node's payload never reaches the client, and the refusal is audited.
/// </summary>
public sealed class NoRawRecordLeavesNodeTests : IAsyncLifetime
{
    private const string RawValue = "7319884";
    private static readonly string Subject = GroundTruth.All[0].Uscc;
    private StubNode _node = null!;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _node);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _node.DisposeAsync();
    }

    public static TheoryData<string, string, int, string> Misbehaviours() => new()
    {
        { "raw value as extra member", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true"}],"taxPaid12m":{{RawValue}}}""", 200, "application/json" },
        { "raw value as result", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"{{RawValue}}"}]}""", 200, "application/json" },
        { "extra member in a result", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true","value":{{RawValue}}}]}""", 200, "application/json" },
        { "another subject", $$"""{"subject":"91110108PDY00001XU","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true"}]}""", 200, "application/json" },
        { "another predicate", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"tax.noArrears","result":"true"}]}""", 200, "application/json" },
        { "missing result", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[]}""", 200, "application/json" },
        { "asOf not a date", $$"""{"subject":"{{Subject}}","asOf":"{{RawValue}}","results":[{"predicate":"ent.active","result":"true"}]}""", 200, "application/json" },
        { "not json", $"taxPaid12m={RawValue}", 200, "text/plain" },
        { "oversized", $$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true"}],"pad":"{{new string('7', 70_000)}}"}""", 200, "application/json" },
    };

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public async Task Verify_Returns502AndReleasesNothing_WhenNodeAnswersOutsideTheSchema(string scenario, string nodeBody, int nodeStatus, string contentType)
    {
        Assert.NotEmpty(scenario);
        _node.Respond = async (_, context) =>
        {
            context.Response.StatusCode = nodeStatus;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(nodeBody);
        };
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, _harness.TokenFor()), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "egress_violation");
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(RawValue, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(RawValue, string.Join('|', response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value)), StringComparison.Ordinal);
        var last = AuditReader.ReadAll(_harness.AuditDatabasePath)[^1];
        Assert.Equal("failed", last["decision"]);
        Assert.Equal("egress_violation", last["reason"]);
    }

    [Fact]
    public async Task Verify_Returns503_WhenNodeFails_WithoutPassingItsBodyThrough()
    {
        _node.Respond = async (_, context) =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("stack trace with " + RawValue);
        };
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";

        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, _harness.TokenFor()), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "node_unavailable");
        Assert.DoesNotContain(RawValue, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_ReceivesOnlyTheGatewayBodyAndTicket_NeverClientHeaders()
    {
        _node.Respond = async (request, context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"subject":"{{Subject}}","asOf":"2026-10-31","results":[{"predicate":"ent.active","result":"true"}]}""");
        };
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";
        using var request = _harness.PostRaw("/v1/verifications", json, _harness.TokenFor());
        request.Headers.Add("Cookie", "session=secret-cookie");
        request.Headers.Add("X-Gateway-Institution", "bank-002");
        request.Headers.Add("X-Consent-Id", "cns_forged");
        request.Headers.Add("X-Forwarded-For", "10.9.9.9");
        request.Headers.Add("Upgrade", "h2c");
        request.Headers.TryAddWithoutValidation("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA");

        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_node.Requests);
        // RELIABILITY.md G6: exactly the allow-list plus the gateway's own ticket; trace context may or may not be there.
        string[] required = ["Host", "Content-Type", "Content-Length", "DG-Ticket"];
        var allowed = new HashSet<string>([.. required, "traceparent", "tracestate"], StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(received.Headers.Keys, h => !allowed.Contains(h));
        Assert.All(required, h => Assert.Contains(h, received.Headers.Keys, StringComparer.OrdinalIgnoreCase));
        Assert.Equal("/internal/v1/verifications", received.Path);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(["subject", "checks"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }
}

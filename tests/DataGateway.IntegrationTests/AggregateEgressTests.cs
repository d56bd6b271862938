using System.Net;
using DataGateway.Gateway.Forwarding;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Invariant 1 for aggregates: a node answer that is not exactly the partials schema for exactly
/// this query is refused with 502 and nothing of it is released; the node gets only the canonical
/// body and a ticket, never the client's credentials.
/// </summary>
public sealed class AggregateEgressTests : IAsyncLifetime
{
    private static readonly object Query = new
    {
        metric = "sum", field = "tax.paid12m", groupBy = new[] { "tax.grade" },
        filter = new Dictionary<string, string[]> { ["tax.grade"] = ["B", "A"] },
        epsilon = 0.5,
    };

    private StubNode _stub = null!;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _stub);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Aggregate_SendsTheNodeOnlyTheCanonicalBodyAndATicket_AndUsesItsPartials()
    {
        Answer("""{"asOf":"2026-10-31","groups":[{"key":["A"],"count":500,"clampedSum":250000000}]}""");

        using var response = await AggregateCalls.PostAsync(_harness, Query);

        var groups = (await AggregateCalls.OkAsync(response)).GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(["A", "B"], groups.Select(g => g.GetProperty("key").GetProperty("tax.grade").GetString()));
        Assert.False(groups[0].GetProperty("suppressed").GetBoolean()); // 500 records: far above the threshold
        Assert.True(groups[1].GetProperty("suppressed").GetBoolean()); // no rows reported: never released
        var sent = Assert.Single(_stub.Requests);
        Assert.Equal("/internal/v1/aggregates", sent.Path);
        Assert.True(sent.Headers.ContainsKey(NodeTransformer.TicketHeader));
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.Equal("""{"field":"tax.paid12m","groupBy":["tax.grade"],"filter":{"tax.grade":["A","B"]},"lower":0,"upper":5000000}""", sent.Body);
    }

    [Theory]
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["A"],"count":500,"clampedSum":1,"rows":[]}]}""")] // extra member
    [InlineData("""{"asOf":"2026-10-31","groups":[],"sample":{"uscc":"91110108PDY00001XU"}}""")] // extra member
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["C"],"count":500,"clampedSum":1}]}""")] // outside the filter
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["A","11"],"count":500,"clampedSum":1}]}""")] // wrong arity
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["A"],"count":-1,"clampedSum":0}]}""")] // negative count
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["A"],"count":1,"clampedSum":912345678901}]}""")] // an unclamped value
    [InlineData("""{"asOf":"2026-10-31","groups":[{"key":["A"],"count":2,"clampedSum":2},{"key":["A"],"count":2,"clampedSum":2}]}""")] // twice
    [InlineData("""{"asOf":"yesterday","groups":[]}""")] // not a date
    [InlineData("""[{"uscc":"91110108PDY00001XU","taxPaid12m":123456}]""")] // raw rows
    public async Task Aggregate_Refuses502AndReleasesNothing_WhenNodeAnswersOutsideTheSchema(string nodeAnswer)
    {
        Answer(nodeAnswer);

        using var response = await AggregateCalls.PostAsync(_harness, Query);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "egress_violation");
        Assert.DoesNotContain("912345678901", text, StringComparison.Ordinal);
        Assert.DoesNotContain("91110108PDY00001XU", text, StringComparison.Ordinal);
        // The reservation was made before the node computed; it stays spent (never refunded).
        Assert.Equal(500_000, await AggregateCalls.SpentAsync(_harness, "bank-001"));
        Assert.Equal("failed", AuditReader.ReadAll(_harness.AuditDatabasePath).Last()["decision"]);
    }

    [Fact]
    public async Task Aggregate_Refuses503_WhenTheNodeFails()
    {
        _stub.Respond = (_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };

        using var response = await AggregateCalls.PostAsync(_harness, Query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "node_unavailable");
    }

    private void Answer(string json) => _stub.Respond = async (_, context) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    };
}

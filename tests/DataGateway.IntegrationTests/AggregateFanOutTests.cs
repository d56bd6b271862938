using System.Net;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Hosting;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Aggregates over several data nodes: every node gets its own ticketed call, the partials add up
/// group by group before noise is added once, and one failing node fails the whole answer.
/// </summary>
public sealed class AggregateFanOutTests : IAsyncLifetime
{
    private static readonly object Query = new { metric = "count", groupBy = new[] { "tax.grade" }, filter = new Dictionary<string, string[]> { ["tax.grade"] = ["A", "B"] }, epsilon = 1.0 };
    private StubNode _north = null!;
    private StubNode _south = null!;
    private WebApplication _gateway = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _north = await StubNode.StartAsync();
        _south = await StubNode.StartAsync();
        var keys = TestMaterial.Keys;
        _gateway = await GatewayApplication.BuildAsync(new GatewaySettings
        {
            Urls = "http://127.0.0.1:0",
            PoliciesDirectory = TestMaterial.CopyPolicies(),
            AuditDatabasePath = Path.Combine(TestMaterial.NewTempDirectory("fan-out"), "audit.db"),
            TokenValidationKey = TokenValidationKeys.FromPublicPem(keys.TokenSigningKey.ExportPublicKeyPem()),
            AttestationKey = keys.AttestationKey,
            TicketSecret = keys.TicketSecret,
            PlatformHmacKey = keys.PlatformHmacKey,
            CheckpointSeed = keys.CheckpointSeed,
            Nodes = [new NodeEndpoint("node-north", _north.Address, "11,12,13"), new NodeEndpoint("node-south", _south.Address, "44,45,46")],
            EnvironmentName = "Development",
        }, builder => builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning");
        await _gateway.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_gateway.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _north.DisposeAsync();
        await _south.DisposeAsync();
    }

    [Fact]
    public async Task Aggregate_CombinesThePartialsOfEveryNode_BeforeNoiseAndSuppression()
    {
        // Grade A: a million records on each node, so the combined noisy count (noise scale 1 at
        // epsilon 1) is two million give or take a few. Grade B: 5 + 4 records, under the floor of
        // 10 even combined, so never released whatever the noise.
        Answer(_north, """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":1000000,"clampedSum":0},{"key":["B"],"count":5,"clampedSum":0}]}""");
        Answer(_south, """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":1000000,"clampedSum":0},{"key":["B"],"count":4,"clampedSum":0}]}""");

        using var response = await PostAsync();

        var groups = (await AggregateCalls.OkAsync(response)).GetProperty("groups").EnumerateArray().ToArray();
        Assert.InRange(groups[0].GetProperty("value").GetDecimal(), 1_999_000m, 2_001_000m);
        Assert.True(groups[1].GetProperty("suppressed").GetBoolean());
        var north = Assert.Single(_north.Requests);
        var south = Assert.Single(_south.Requests);
        Assert.Equal(north.Body, south.Body); // one canonical body, one ticket per node (audience = node id)
        Assert.NotEqual(north.Headers["DG-Ticket"], south.Headers["DG-Ticket"]);
    }

    [Fact]
    public async Task Aggregate_RefusesTheWholeAnswer_WhenOneNodeFails()
    {
        Answer(_north, """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":500,"clampedSum":0}]}""");
        _south.Respond = (_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };

        using var response = await PostAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "node_unavailable");
    }

    [Fact]
    public async Task Aggregate_Refuses502_WhenOneNodeViolatesTheSchema()
    {
        Answer(_north, """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":500,"clampedSum":0}]}""");
        Answer(_south, """{"asOf":"2026-10-31","groups":[{"key":["A"],"count":500,"clampedSum":0,"uscc":"91440300MA5XXXXX0X"}]}""");

        using var response = await PostAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "egress_violation");
    }

    private async Task<HttpResponseMessage> PostAsync()
    {
        var token = DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, Roles.Institution, "bank-001", null, TimeSpan.FromHours(1), TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/aggregates") { Content = System.Net.Http.Json.JsonContent.Create(Query) };
        request.Headers.Authorization = new("Bearer", token);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static void Answer(StubNode node, string json) => node.Respond = async (_, context) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    };
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Records;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>
/// <c>POST /internal/v1/aggregates</c> computes only for an aggregate ticket bound to the body, answers
/// only per-group counts and clamped sums, and refuses bad input before reading anything.
/// </summary>
public sealed class AggregateEndpointTests : IAsyncLifetime
{
    private const string Path = "/internal/v1/aggregates";
    private const string Query =
        """{"field":"tax.paid12m","groupBy":["registration.province","tax.grade"],"filter":{"registration.status":["ACTIVE"]},"lower":0,"upper":100000}""";

    private readonly CountingStore _store = new(
        Record("A1", "110108", "ACTIVE", "A", 40_000),
        Record("A2", "110101", "ACTIVE", "A", 900_000),
        Record("A3", "440301", "ACTIVE", "B", null),
        Record("A4", "440301", "REVOKED", "B", 5),
        Record("A5", "440305", "ACTIVE", "B", -7));

    private NodeHarness _node = null!;

    public async ValueTask InitializeAsync() => _node = await NodeHarness.StartAsync(_store);

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Post_AnswersOnlyNonEmptyGroupsWithCountAndClampedSum_WhenTheTicketIsValid()
    {
        var body = Encoding.UTF8.GetBytes(Query);

        using var response = await PostAsync(body, _node.Ticket(body, subject: "*", kind: "aggregate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["asOf", "groups"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-01-01", root.GetProperty("asOf").GetString());
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.All(groups, g => Assert.Equal(["key", "count", "clampedSum"], g.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("11|A", 2L, "140000"), ("44|B", 1L, "0")],
            groups.Select(g => (
                string.Join("|", g.GetProperty("key").EnumerateArray().Select(k => k.GetString())),
                g.GetProperty("count").GetInt64(),
                g.GetProperty("clampedSum").GetRawText())));
    }

    [Fact]
    public async Task Post_WritesSumsBeyondTheLongRangeAsExactJsonNumbers()
    {
        await using var node = await NodeHarness.StartAsync(new CountingStore(
            Record("B1", "110108", "ACTIVE", "A", long.MaxValue), Record("B2", "110108", "ACTIVE", "A", long.MaxValue)));
        var body = Encoding.UTF8.GetBytes($$"""{"field":"tax.paid12m","groupBy":[],"filter":{},"lower":0,"upper":{{long.MaxValue}}}""");

        using var response = await PostAsync(node, body, node.Ticket(body, subject: "*", kind: "aggregate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var group = Assert.Single(json.RootElement.GetProperty("groups").EnumerateArray().ToList());
        Assert.Equal(((Int128)long.MaxValue * 2).ToString(), group.GetProperty("clampedSum").GetRawText());
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsMissing()
    {
        await AssertRefused(Encoding.UTF8.GetBytes(Query), ticket: null, HttpStatusCode.Unauthorized, "ticket_invalid");
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsForAVerification()
    {
        var body = Encoding.UTF8.GetBytes(Query);

        await AssertRefused(body, _node.Ticket(body, subject: "*", kind: "verification"), HttpStatusCode.Unauthorized, "ticket_invalid");
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketNamesASubject()
    {
        var body = Encoding.UTF8.GetBytes(Query);

        await AssertRefused(body, _node.Ticket(body, subject: Some.Subject, kind: "aggregate"), HttpStatusCode.Unauthorized, "ticket_invalid");
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsBoundToAnotherBody()
    {
        var admitted = Encoding.UTF8.GetBytes(Query);
        // Same query, wider bounds: a ticket for one body never admits another.
        var sent = Encoding.UTF8.GetBytes(Query.Replace("100000", "999999999", StringComparison.Ordinal));

        await AssertRefused(sent, _node.Ticket(admitted, subject: "*", kind: "aggregate"), HttpStatusCode.Unauthorized, "ticket_invalid");
    }

    [Theory]
    [InlineData("""{"field":"tax.paid13m","groupBy":[],"filter":{},"lower":0,"upper":1}""", "unknown_field")]
    [InlineData("""{"field":"tax.grade","groupBy":[],"filter":{},"lower":0,"upper":1}""", "field_not_aggregatable")]
    [InlineData("""{"field":"legalRep.idHmac","groupBy":[],"filter":{},"lower":0,"upper":1}""", "field_not_aggregatable")]
    [InlineData("""{"field":"tax.paid12m","groupBy":["registration.division"],"filter":{},"lower":0,"upper":1}""", "unknown_dimension")]
    [InlineData("""{"field":"tax.paid12m","groupBy":["tax.grade","tax.grade"],"filter":{},"lower":0,"upper":1}""", "unknown_dimension")]
    [InlineData("""{"field":null,"groupBy":[],"filter":{"uscc":["x"]},"lower":0,"upper":0}""", "unknown_dimension")]
    [InlineData("""{"field":null,"groupBy":[],"filter":{"tax.grade":["Z"]},"lower":0,"upper":0}""", "param_not_allowed")]
    [InlineData("""{"field":"tax.paid12m","groupBy":[],"filter":{},"lower":2,"upper":1}""", "invalid_request")]
    [InlineData("""{"field":"tax.paid12m","groupBy":[],"filter":{},"lower":0,"upper":1,"rows":true}""", "invalid_json")]
    [InlineData("""{"field":"tax.paid12m","groupBy":[],"filter":{},"lower":0}""", "invalid_json")]
    [InlineData("""{"field":"tax.paid12m","groupBy":[],"filter":{},"lower":0,"upper":1e3}""", "invalid_json")]
    [InlineData("""{"field":null,"groupBy":[],"filter":{"tax.grade":["A"],"tax.grade":["B"]},"lower":0,"upper":0}""", "invalid_json")]
    public async Task Post_Returns400AndReadsNothing_WhenTheQueryIsInvalid(string query, string code)
    {
        var body = Encoding.UTF8.GetBytes(query);

        await AssertRefused(body, _node.Ticket(body, subject: "*", kind: "aggregate"), HttpStatusCode.BadRequest, code);
    }

    private async Task AssertRefused(byte[] body, string? ticket, HttpStatusCode status, string code)
    {
        using var response = await PostAsync(body, ticket);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await NodeHarness.ProblemCode(response));
        Assert.Equal(0, _store.Reads);
    }

    private Task<HttpResponseMessage> PostAsync(byte[] body, string? ticket) => PostAsync(_node, body, ticket);

    private static async Task<HttpResponseMessage> PostAsync(NodeHarness node, byte[] body, string? ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (ticket is not null)
        {
            request.Headers.TryAddWithoutValidation("DG-Ticket", ticket);
        }

        return await node.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static EnterpriseRecord Record(string uscc, string division, string status, string grade, long? taxPaid) => new()
    {
        Uscc = uscc,
        Division = division,
        Industry = "C",
        OrgForm = "LLC",
        Status = status,
        RegisteredOn = Some.AsOf.AddYears(-4),
        TaxGrade = grade,
        TaxPaid12m = taxPaid,
    };
}

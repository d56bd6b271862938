using System.Net;
using System.Text;
using System.Text.Json;
using DataGateway.Cryptography.Tickets;

namespace DataGateway.Node.Tests;

/// <summary>The node computes only for a valid gateway ticket bound to exactly the body it came with.</summary>
public sealed class VerificationEndpointTests : IAsyncLifetime
{
    private static readonly (string, string)[] Checks =
    [
        ("ent.active", "{}"),
        ("tax.gradeIn", """{"grades":["A","B"]}"""),
        ("legalRep.matches", $$"""{"idNumberHmac":"{{Some.IdHmac}}","nameHmac":"{{Some.NameHmac}}"}"""),
        ("utilities.noArrears", "{}"),
    ];

    private readonly CountingStore _store = new(Some.RecordWith("UtilityArrears24m", null));
    private NodeHarness _node = null!;

    public async ValueTask InitializeAsync() => _node = await NodeHarness.StartAsync(_store);

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Post_AnswersExactlySubjectAsOfAndResults_WhenTheTicketIsValid()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);

        using var response = await _node.PostAsync(body, _node.Ticket(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["subject", "asOf", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Some.Subject, root.GetProperty("subject").GetString());
        Assert.Equal("2025-01-01", root.GetProperty("asOf").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(["predicate", "result"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("ent.active", "true"), ("tax.gradeIn", "true"), ("legalRep.matches", "true"), ("utilities.noArrears", "unknown")],
            results.Select(r => (r.GetProperty("predicate").GetString(), r.GetProperty("result").GetString())));
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsMissing()
    {
        await AssertTicketRefused(NodeHarness.Body(Some.Subject, Checks), ticket: null);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsMintedWithAnotherSecret()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);
        var forger = new NodeTicketCodec(Enumerable.Repeat((byte)7, 32).ToArray());

        await AssertTicketRefused(body, _node.Ticket(body, codec: forger));
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheMacIsTampered()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);
        var ticket = _node.Ticket(body);
        var tampered = ticket[..^2] + (ticket[^2] == 'A' ? 'B' : 'A') + ticket[^1];

        await AssertTicketRefused(body, tampered);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheClaimsAreTampered()
    {
        // Swap in a payload naming another subject but keep the original MAC.
        var body = NodeHarness.Body(Some.Subject, Checks);
        var parts = _node.Ticket(body).Split('.');
        var other = _node.Ticket(body, subject: "91310115PDY000028D").Split('.');

        await AssertTicketRefused(body, $"{parts[0]}.{other[1]}.{parts[2]}");
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsForAnotherNode()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);

        await AssertTicketRefused(body, _node.Ticket(body, node: "node-b"));
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketHasExpired()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);
        var ticket = _node.Ticket(body);
        _node.Time.Advance(TimeSpan.FromSeconds(30 + 6)); // lifetime plus more than the 5 s skew

        await AssertTicketRefused(body, ticket);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheBodyDiffersFromTheTicketedOne()
    {
        var admitted = NodeHarness.Body(Some.Subject, ("tax.paid12mAtLeast", """{"amountCny":30000}"""));
        var sent = NodeHarness.Body(Some.Subject, ("tax.paid12mAtLeast", """{"amountCny":50000}"""));

        await AssertTicketRefused(sent, _node.Ticket(admitted));
    }

    [Fact]
    public async Task Post_RefusesAndComputesOnce_WhenTheTicketIsReplayed()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);
        var ticket = _node.Ticket(body);
        using (var first = await _node.PostAsync(body, ticket))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var replay = await _node.PostAsync(body, ticket);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("ticket_invalid", await NodeHarness.ProblemCode(replay));
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketNamesAnotherSubject()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);

        await AssertTicketRefused(body, _node.Ticket(body, subject: "91310115PDY000028D"));
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheTicketIsForAnotherKindOfQuery()
    {
        var body = NodeHarness.Body(Some.Subject, Checks);

        await AssertTicketRefused(body, _node.Ticket(body, kind: "score"));
    }

    [Theory]
    [InlineData("""{"subject":"91110108PDY00001XU","checks":[{"predicate":"ent.active","params":{}}],"fields":["tax.paid12m"]}""")]
    [InlineData("""{"subject":"91110108PDY00001XU","checks":[{"predicate":"ent.active","params":{},"raw":true}]}""")]
    [InlineData("""{"Subject":"91110108PDY00001XU","checks":[{"predicate":"ent.active","params":{}}]}""")]
    [InlineData("""{"subject":"91110108PDY00001XU","subject":"91110108PDY00001XU","checks":[{"predicate":"ent.active","params":{}}]}""")]
    [InlineData("""{"subject":"91110108PDY00001XU"}""")]
    [InlineData("""{"subject":null,"checks":[]}""")]
    [InlineData("""not json""")]
    public async Task Post_RefusesAndReadsNothing_WhenTheBodyIsNotTheStrictContract(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        using var response = await _node.PostAsync(body, _node.Ticket(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, _store.Reads);
    }

    [Theory]
    [InlineData("tax.rawRecord", "{}", "unknown_predicate")]
    [InlineData("tax.paid12mAtLeast", """{"amountCny":49999}""", "param_not_allowed")]
    [InlineData("legalRep.matches", """{"name":"张伟","idNumber":"11010519491231002X"}""", "param_not_allowed")]
    public async Task Post_RefusesAndReadsNothing_WhenACheckIsOutsideTheCatalogue(string predicate, string parameters, string code)
    {
        var body = NodeHarness.Body(Some.Subject, ("ent.active", "{}"), (predicate, parameters));

        using var response = await _node.PostAsync(body, _node.Ticket(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await NodeHarness.ProblemCode(response));
        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task Post_RefusesAndReadsNothing_WhenTheBodyIsOver64KiB()
    {
        var padding = new string(' ', 64 * 1024);
        var body = Encoding.UTF8.GetBytes($$$"""{"subject":"{{{Some.Subject}}}",{{{padding}}}"checks":[{"predicate":"ent.active","params":{}}]}""");

        using var response = await _node.PostAsync(body, _node.Ticket(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task Post_AnswersSubjectNotFound_WhenTheNodeDoesNotHoldTheSubject()
    {
        var body = NodeHarness.Body("91310115PDY000028D", Checks);

        using var response = await _node.PostAsync(body, _node.Ticket(body, subject: "91310115PDY000028D"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("subject_not_found", await NodeHarness.ProblemCode(response));
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        using var response = await _node.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task AssertTicketRefused(byte[] body, string? ticket)
    {
        using var response = await _node.PostAsync(body, ticket);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ticket_invalid", await NodeHarness.ProblemCode(response));
        Assert.Equal(0, _store.Reads);
    }
}

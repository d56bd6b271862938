using System.Net;
using System.Text.Json;
using DataGateway.Client.Tests.Support;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client.Tests.Client;

public sealed class DataGatewayClientTests : IDisposable
{
    private const string Token = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXRva2Vu.c2ln";

    private readonly EcSigningKey _key = EcSigningKey.Generate();

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task VerifyAsync_PostsCamelCaseJsonWithTheBearer_AndReturnsTheResponse()
    {
        var answer = SignedAnswers.Create(_key);
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(answer, ClientJson.Options)));
        var client = Create(handler);

        var response = await client.VerifyAsync(new VerificationRequest
        {
            Subject = "91110108PDY00001XU",
            Purpose = "pre-loan",
            Checks =
            [
                new CheckRequest { Predicate = "tax.paid12mAtLeast", Params = SignedAnswers.Params(("amountCny", 300000L)) },
                new CheckRequest { Predicate = "court.notDishonestDebtor" },
            ],
        }, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://gateway.test/v1/verifications", request.RequestUri!.ToString());
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(Token, request.Headers.Authorization.Parameter);
        Assert.Equal(
            """{"subject":"91110108PDY00001XU","purpose":"pre-loan","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":300000}},{"predicate":"court.notDishonestDebtor"}]}""",
            body);
        Assert.Equal(answer.Id, response.Id);
        Assert.True(AttestationVerifier.Verify(response, SignedAnswers.KeysOf(_key)).Ok);
    }

    [Fact]
    public async Task VerifyAsync_ThrowsTheProblemWithoutTheToken_WhenTheGatewayRefuses()
    {
        var handler = new RecordingHandler(_ =>
        {
            var response = RecordingHandler.Json(HttpStatusCode.TooManyRequests,
                """{"type":"about:blank","title":"Query limit exceeded.","status":429,"code":"query_limit_exceeded","detail":"Try later."}""",
                "application/problem+json");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120));
            return response;
        });

        var problem = await Assert.ThrowsAsync<DataGatewayProblemException>(() =>
            Create(handler).VerifyAsync(new VerificationRequest(), TestContext.Current.CancellationToken));

        Assert.Equal(429, problem.Status);
        Assert.Equal("query_limit_exceeded", problem.Code);
        Assert.Equal("Query limit exceeded.", problem.Title);
        Assert.Equal("Try later.", problem.Detail);
        Assert.Equal(TimeSpan.FromSeconds(120), problem.RetryAfter);
        Assert.DoesNotContain(Token, problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ThrowsUnexpectedResponse_WhenAnErrorIsNotAProblem()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.BadGateway, "<html>proxy</html>", "text/html"));

        var problem = await Assert.ThrowsAsync<DataGatewayProblemException>(() =>
            Create(handler).VerifyAsync(new VerificationRequest(), TestContext.Current.CancellationToken));

        Assert.Equal(502, problem.Status);
        Assert.Equal("unexpected_response", problem.Code);
    }

    [Fact]
    public async Task VerifyAsync_ThrowsInvalidData_WhenA200LacksRequiredMembers()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"id":"vrf_1","subject":null}"""));

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            Create(handler).VerifyAsync(new VerificationRequest(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetJwksAsync_ParsesTheKeySetWithoutSendingTheToken()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, SignedAnswers.KeysOf(_key).ToJson(), "application/jwk-set+json"));

        var keys = await Create(handler).GetJwksAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(keys.Find(_key.KeyId));
        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal("https://gateway.test/.well-known/jwks.json", request.RequestUri!.ToString());
        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public async Task GetJwksAsync_ThrowsInvalidData_WhenTheSetCarriesAPrivateKey()
    {
        var json = SignedAnswers.KeysOf(_key).ToJson().Replace("\"kid\"", "\"d\":\"AAAA\",\"kid\"", StringComparison.Ordinal);
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, json));

        await Assert.ThrowsAsync<InvalidDataException>(() => Create(handler).GetJwksAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetCatalogAsync_ReturnsTheDocument_WithTheBearer()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"predicates":[{"name":"ent.active"}]}"""));

        using var catalog = await Create(handler).GetCatalogAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ent.active", catalog.RootElement.GetProperty("predicates")[0].GetProperty("name").GetString());
        Assert.Equal(Token, Assert.Single(handler.Requests).Request.Headers.Authorization!.Parameter);
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        Assert.DoesNotContain(Token, Create(new RecordingHandler(_ => new HttpResponseMessage())).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://gateway.test/prefix")]
    public void Constructor_Throws_WhenTheBaseAddressWouldMisroute(string? baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress is null ? null : new Uri(baseAddress) };

        Assert.Throws<ArgumentException>(() => new DataGatewayClient(http, Token));
    }

    private static DataGatewayClient Create(RecordingHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("https://gateway.test/") }, Token);
}

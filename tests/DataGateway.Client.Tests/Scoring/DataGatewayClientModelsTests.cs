using System.Net;
using DataGateway.Client.Models;
using DataGateway.Client.Tests.Support;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>The SDK's model and score calls: routes, bodies, problems, and batch answers that do not line up.</summary>
public sealed class DataGatewayClientModelsTests
{
    private const string Subject = "91110108PDY00001XU";
    private const string Other = "91310115PDY000028D";

    [Fact]
    public async Task RegisterModelAsync_PostsTheRegistrationAndReadsTheCommitment()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.Created,
            """{"id":"pd-v1","publicKey":{"n":"AQAB"},"scale":1000000,"features":["tax.arrears"],"weights":["Ag"],"bias":"Aw","commitment":"c0mm1t","registeredAt":"2026-11-26T08:00:00Z","status":"active","extension":1}"""));

        var view = await Create(handler).RegisterModelAsync(new ModelRegistration
        {
            Id = "pd-v1",
            PublicKey = new ModelPublicKey { N = "AQAB" },
            Scale = 1_000_000,
            Features = ["tax.arrears"],
            Weights = ["Ag"],
            Bias = "Aw",
        }, TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://gateway.test/v1/models", request.RequestUri!.ToString());
        Assert.Equal("""{"id":"pd-v1","publicKey":{"n":"AQAB"},"scale":1000000,"features":["tax.arrears"],"weights":["Ag"],"bias":"Aw"}""", body);
        Assert.Equal("c0mm1t", view.Commitment);
        Assert.Equal("active", view.Status);
        Assert.True(view.Extra!.ContainsKey("extension"));
    }

    [Fact]
    public async Task GetAndDeleteModelAsync_EscapeTheId()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"id":"a b","scale":1,"features":[]}"""));
        var client = Create(handler);

        await client.GetModelAsync("a b/../x", TestContext.Current.CancellationToken);
        await client.DeleteModelAsync("a b/../x", TestContext.Current.CancellationToken);

        Assert.All(handler.Requests, r => Assert.Equal("/v1/models/a%20b%2F..%2Fx", r.Request.RequestUri!.AbsolutePath));
        Assert.Equal(HttpMethod.Delete, handler.Requests[1].Request.Method);
    }

    [Fact]
    public async Task ScoreAsync_ThrowsTheProblem_WhenTheModelIsUnknown()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.NotFound,
            """{"title":"No such model.","status":404,"code":"model_not_found"}""", "application/problem+json"));

        var problem = await Assert.ThrowsAsync<DataGatewayProblemException>(() =>
            Create(handler).ScoreAsync(new ScoreRequest { Subject = Subject, Purpose = "pre-loan", Model = "gone" }, TestContext.Current.CancellationToken));

        Assert.Equal("model_not_found", problem.Code);
        Assert.Equal("""{"subject":"91110108PDY00001XU","purpose":"pre-loan","model":"gone"}""", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task ScoreBatchAsync_ReturnsOneEntryPerSubject_ScoreOrProblem()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK,
            $$$"""{"results":[{"subject":"{{{Subject}}}","id":"scr_1","model":"m","ciphertext":"Ag","scale":10},{"subject":"{{{Other}}}","problem":{"type":"about:blank","title":"t","status":403,"code":"consent_required"}}]}"""));

        var answer = await Create(handler).ScoreBatchAsync(Batch(Subject, Other), TestContext.Current.CancellationToken);

        Assert.Equal("Ag", answer.Results[0].Ciphertext);
        Assert.Null(answer.Results[0].Problem);
        Assert.Equal("consent_required", answer.Results[1].Problem!.Code);
    }

    [Theory]
    [InlineData("""{"results":[{"subject":"91310115PDY000028D","problem":{"code":"x"}},{"subject":"91110108PDY00001XU","problem":{"code":"x"}}]}""")]
    [InlineData("""{"results":[{"subject":"91110108PDY00001XU","problem":{"code":"x"}}]}""")]
    [InlineData("""{"results":[{"subject":"91110108PDY00001XU","problem":{"code":"x"}},{"subject":"91310115PDY000028D","problem":{"code":"x"}},{"subject":"91310115PDY000028D","problem":{"code":"x"}}]}""")]
    public async Task ScoreBatchAsync_Refuses_WhenEntriesDoNotMatchTheSubjectsInOrder(string json)
    {
        // A shifted or short answer would attach a score to the wrong enterprise.
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, json));

        await Assert.ThrowsAsync<InvalidDataException>(() => Create(handler).ScoreBatchAsync(Batch(Subject, Other), TestContext.Current.CancellationToken));
    }

    private static BatchScoreRequest Batch(params string[] subjects) => new() { Subjects = subjects, Purpose = "pre-loan", Model = "m" };

    private static DataGatewayClient Create(RecordingHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("https://gateway.test/") }, "token");
}

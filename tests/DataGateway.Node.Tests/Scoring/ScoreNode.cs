using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Records;
using DataGateway.Core.Scoring;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset;
using DataGateway.Node.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.Node.Tests.Scoring;

/// <summary>A node on a loopback port for score requests, with a gateway-side ticket issuer and a model builder.</summary>
internal sealed class ScoreNode : IAsyncDisposable
{
    private static readonly byte[] Secret = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private readonly WebApplication _app;
    private readonly NodeTicketCodec _codec = new(Secret);
    private int _tickets;

    private ScoreNode(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public ModelScoring Scoring => _app.Services.GetRequiredService<ModelScoring>();

    public static async Task<ScoreNode> StartAsync(IEnterpriseStore store)
    {
        var app = NodeApplication.Build(new NodeSettings
        {
            NodeId = "node-s",
            TicketKey = NodeTicketCodec.DeriveNodeKey(Secret, "node-s"),
            Store = store,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ScoreNode(app, new HttpClient { BaseAddress = NodeApplication.BoundAddress(app) });
    }

    /// <summary>A model over <paramref name="features"/> with the given plaintext weights and bias, encrypted under the test key.</summary>
    public static NodeScoreModel Model(string[] features, long[] weights, long bias, PaillierPublicKey? key = null)
    {
        key ??= ScoringKeys.Public;
        var n = key.ToBase64Url();
        var encrypted = weights.Select(w => key.EncryptSigned(w).ToBase64Url()).ToArray();
        var e0 = key.EncryptSigned(bias).ToBase64Url();
        return new NodeScoreModel
        {
            N = n,
            Scale = 1,
            Features = features,
            Weights = encrypted,
            Bias = e0,
            Commitment = ModelCommitment.Compute(n, 1, features, encrypted, e0),
        };
    }

    public static byte[] Body(NodeScoreModel model, params string[] subjects) =>
        JsonSerializer.SerializeToUtf8Bytes(new { model, subjects }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string subject, string kind = "score")
    {
        var now = DateTimeOffset.UtcNow;
        var ticket = _codec.Issue(new NodeTicket(
            "node-s", NodeTicketCodec.HashQuery(body), "bank-1", subject, "pre-loan", kind, now, now.AddSeconds(30), "t-" + Interlocked.Increment(ref _tickets)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/v1/scores") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("DG-Ticket", ticket);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement[]> ResultsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static BigInteger Decrypt(string ciphertext)
    {
        Assert.Equal(PaillierCiphertextError.None, ScoringKeys.Public.TryParseCiphertext(ciphertext, out var parsed));
        Assert.True(ScoringKeys.Private.TryDecryptSigned(parsed!, out var value));
        return value;
    }

    public static EnterpriseRecord Other(string uscc) => new()
    {
        Uscc = uscc,
        Division = "440305",
        Industry = "F",
        OrgForm = "LLC",
        Status = "ACTIVE",
        RegisteredOn = Some.AsOf.AddYears(-12).AddDays(1),
        TaxGrade = "A",
        TaxPaid12m = 1_234_567,
        SocialHeadcount = 0,
        TaxArrears = true,
        SalesGrowthYoyBp = -2500,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}

using System.Numerics;
using System.Text.Json;
using DataGateway.Client.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>
/// A real HTTP server on loopback that plays the gateway's model and score routes: it stores what is
/// registered and answers scores with encryptions, under the test key, of the integers it is given.
/// </summary>
internal sealed class FakeScoringGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, ModelRegistration> _models = new(StringComparer.Ordinal);

    private FakeScoringGateway(WebApplication app) => _app = app;

    public string Address => _app.Urls.First();

    public List<string> RequestBodies { get; } = [];

    /// <summary>What each subject's score decrypts to (negative: signed; else the raw plaintext); others are refused with consent_required.</summary>
    public Dictionary<string, BigInteger> Scores { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeScoringGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeScoringGateway(app);
        gateway.Map(app);
        await app.StartAsync();
        return gateway;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/models", async (HttpContext context) =>
        {
            var registration = JsonSerializer.Deserialize<ModelRegistration>(await BodyAsync(context), ClientJson.Options)!;
            if (!_models.TryAdd(registration.Id, registration))
            {
                return Problem(409, "model_exists");
            }

            return Results.Text(JsonSerializer.Serialize(View(registration), ClientJson.Options), "application/json", statusCode: 201);
        });
        app.MapGet("/v1/models", () => Results.Json(new ModelList { Items = [.. _models.Values.Select(View)] }, ClientJson.Options));
        app.MapGet("/v1/models/{id}", (string id) => _models.TryGetValue(id, out var m) ? Results.Json(View(m), ClientJson.Options) : Problem(404, "model_not_found"));
        app.MapDelete("/v1/models/{id}", (string id) => _models.Remove(id) ? Results.NoContent() : Problem(404, "model_not_found"));
        app.MapPost("/v1/scores", async (HttpContext context) =>
        {
            var request = JsonSerializer.Deserialize<ScoreRequest>(await BodyAsync(context), ClientJson.Options)!;
            if (!_models.ContainsKey(request.Model))
            {
                return Problem(404, "model_not_found");
            }

            return Scores.TryGetValue(request.Subject, out var value)
                ? Results.Json(new ScoreResponse { Id = "scr_1", Subject = request.Subject, Model = request.Model, Ciphertext = Encrypt(value), Scale = 1_000_000 }, ClientJson.Options)
                : Problem(403, "consent_required");
        });
        app.MapPost("/v1/scores/batch", async (HttpContext context) =>
        {
            var request = JsonSerializer.Deserialize<BatchScoreRequest>(await BodyAsync(context), ClientJson.Options)!;
            var items = request.Subjects.Select((s, i) => Scores.TryGetValue(s, out var value)
                ? new BatchScoreItem { Subject = s, Id = "scr_" + i, Model = request.Model, Ciphertext = Encrypt(value), Scale = 1_000_000 }
                : new BatchScoreItem { Subject = s, Problem = new BatchProblem { Code = "consent_required", Status = 403 } });
            return Results.Json(new BatchScoreResponse { Results = [.. items] }, ClientJson.Options);
        });
    }

    private static ModelView View(ModelRegistration m) => new()
    {
        Id = m.Id,
        Scale = m.Scale,
        Features = m.Features,
        PublicKey = m.PublicKey,
        Commitment = "commitment-of-" + m.Id,
        RegisteredAt = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero),
    };

    // Negative values as signed; non-negative ones as raw plaintexts, so a test can send one in the overflow band.
    private static string Encrypt(BigInteger value) =>
        (value.Sign < 0 ? ScoringTestKeys.Public.EncryptSigned(value) : ScoringTestKeys.Public.Encrypt(value)).ToBase64Url();

    private static IResult Problem(int status, string code) =>
        Results.Text($$"""{"title":"refused","status":{{status}},"code":"{{code}}"}""", "application/problem+json", statusCode: status);

    private async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        RequestBodies.Add(body);
        return body;
    }
}

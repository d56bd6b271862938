using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Client.Tests.Support;

/// <summary>A real HTTP server on loopback that answers verifications with a canned response and serves a JWKS.</summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGateway(WebApplication app) => _app = app;

    public string Address => _app.Urls.First();

    public List<string> RequestBodies { get; } = [];

    public List<string> Authorizations { get; } = [];

    public static async Task<FakeGateway> StartAsync(Func<VerificationResponse> answer, JsonWebKeySet keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapPost("/v1/verifications", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            gateway.RequestBodies.Add(await reader.ReadToEndAsync());
            gateway.Authorizations.Add(context.Request.Headers.Authorization.ToString());
            return Results.Text(JsonSerializer.Serialize(answer(), ClientJson.Options), "application/json");
        });
        app.MapGet("/.well-known/jwks.json", () => Results.Text(keys.ToJson(), "application/jwk-set+json"));
        await app.StartAsync();
        return gateway;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

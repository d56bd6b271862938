using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// A scriptable data node on loopback (RELIABILITY.md "echo node"): records every request it
/// receives and answers with whatever the test scripts, including misbehaviour.
/// </summary>
public sealed class StubNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubNode(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request; the default echoes a well-formed all-unknown result.</summary>
    public Func<RecordedRequest, HttpContext, Task> Respond { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = 500;
        return Task.CompletedTask;
    };

    public string Address => _app.Urls.First();

    public static async Task<StubNode> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubNode(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body);
            if (context.Request.Path != "/healthz")
            {
                stub.Requests.Enqueue(recorded);
            }

            await stub.Respond(recorded, context);
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Node.Tests;

/// <summary>A node started on a loopback port, a client for it, and a gateway-side ticket issuer.</summary>
internal sealed class NodeHarness : IAsyncDisposable
{
    public const string NodeId = "node-a";
    public static readonly byte[] Secret = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    private readonly WebApplication _app;
    private int _ticketCounter;

    private NodeHarness(WebApplication app, FakeTimeProvider time, HttpClient client)
    {
        _app = app;
        Time = time;
        Client = client;
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public NodeTicketCodec Codec { get; } = new(Secret);

    public static async Task<NodeHarness> StartAsync(IEnterpriseStore? store, string? dataDirectory = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.Zero));
        var app = NodeApplication.Build(new NodeSettings
        {
            NodeId = NodeId,
            TicketKey = NodeTicketCodec.DeriveNodeKey(Secret, NodeId),
            Urls = "http://127.0.0.1:0",
            Time = time,
            Store = store,
            DataDirectory = dataDirectory ?? string.Empty,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = NodeApplication.BoundAddress(app) };
        return new NodeHarness(app, time, client);
    }

    public static byte[] Body(string subject, params (string Predicate, string Params)[] checks) =>
        Encoding.UTF8.GetBytes(
            $$"""{"subject":"{{subject}}","checks":[{{string.Join(",", checks.Select(c => $$"""{"predicate":"{{c.Predicate}}","params":{{c.Params}}}"""))}}]}""");

    public string Ticket(
        ReadOnlySpan<byte> body, string subject = Some.Subject, string node = NodeId, string kind = "verification", NodeTicketCodec? codec = null)
    {
        var now = Time.GetUtcNow();
        var id = "t-" + Interlocked.Increment(ref _ticketCounter);
        return (codec ?? Codec).Issue(new NodeTicket(
            node, NodeTicketCodec.HashQuery(body), "bank-1", subject, "preLoan", kind, now, now.AddSeconds(30), id));
    }

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/v1/verifications");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (ticket is not null)
        {
            request.Headers.TryAddWithoutValidation("DG-Ticket", ticket);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<string?> ProblemCode(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("code").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}

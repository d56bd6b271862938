using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Tickets;
using DataGateway.Node;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;
using Microsoft.AspNetCore.Builder;

namespace DataGateway.Bench.Aggregates;

/// <summary>(b) and (c): the real node over the dataset, asked through its endpoint with gateway tickets, then noised as the gateway does.</summary>
internal sealed class NodeRun : IAsyncDisposable
{
    private const string NodeId = "bench-node";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The policy's bounds for tax.paid12m (policies/aggregates.yaml) and an epsilon of 0.5.
    private static readonly ContributionBounds Bounds = new(0, 5_000_000);
    private static readonly Epsilon QueryEpsilon = Epsilon.FromMicroUnits(500_000);
    private static readonly SuppressionRule Suppression = new(20, 10);

    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly NodeTicketCodec _codec;
    private readonly NoisePool _pool = new(new SecureRandomBits());
    private readonly AggregateMechanism _mechanism;
    private int _tickets;

    private NodeRun(WebApplication app, HttpClient client, byte[] secret)
    {
        _app = app;
        _client = client;
        _codec = new NodeTicketCodec(secret);
        _mechanism = new AggregateMechanism(_pool);
    }

    public long SynchronousDraws => _pool.SynchronousDraws;

    public static async Task<NodeRun> StartAsync(string directory)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var app = NodeApplication.Build(new NodeSettings
        {
            NodeId = NodeId,
            TicketKey = NodeTicketCodec.DeriveNodeKey(secret, NodeId),
            DataDirectory = directory,
        });
        await app.StartAsync();
        return new NodeRun(app, new HttpClient { BaseAddress = NodeApplication.BoundAddress(app) }, secret);
    }

    /// <summary>The first aggregate: loads the snapshot's dimension columns and the measured field.</summary>
    public async Task<double> ColdStartAsync()
    {
        var watch = Stopwatch.StartNew();
        await AskAsync(Bounds.Lower, Bounds.Upper);
        return watch.Elapsed.TotalMilliseconds;
    }

    public async Task<Measurement> MeasureAsync(int runs, bool withNoise)
    {
        _pool.Prime(AggregateMechanism.Scale(1, QueryEpsilon.SplitInHalf().Item1));
        _pool.Prime(AggregateMechanism.Scale(Bounds.SumSensitivity, QueryEpsilon.SplitInHalf().Item2));
        var times = new List<double>();
        var groups = 0;
        for (var run = -1; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await AskAsync(Bounds.Lower, Bounds.Upper);
            groups = withNoise ? Noise(answer) : answer.Groups.Count;
            watch.Stop();
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Measurement.Of(times, groups);
    }

    /// <summary>The node's unclamped partials equal SQLite's COUNT and SUM group by group.</summary>
    public async Task<bool> CompareWithAsync(string directory)
    {
        using var connection = PlainSqlGroupBy.Open(directory);
        var expected = PlainSqlGroupBy.Run(connection).Where(g => g.Value.Count > 0).ToDictionary();
        var answer = await AskAsync(long.MinValue, long.MaxValue);
        return answer.Groups.Count == expected.Count
            && answer.Groups.All(g => expected.TryGetValue(string.Join("|", g.Key), out var e) && e.Count == g.Count && e.Sum == g.ClampedSum);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _pool.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The gateway's part: every group of the public domain gets a noisy mean or is suppressed.</summary>
    private int Noise(NodeAggregateResponse answer)
    {
        var partials = answer.Groups.ToDictionary(g => string.Join("|", g.Key), g => new PartialAggregate(g.Count, g.ClampedSum));
        var released = 0;
        foreach (var province in FieldCatalog.Provinces)
        {
            foreach (var industry in FieldCatalog.Industries)
            {
                var partial = partials.GetValueOrDefault(province + "|" + industry, PartialAggregate.Empty);
                _ = _mechanism.Mean(partial, Bounds, QueryEpsilon, Suppression);
                released++;
            }
        }

        return released;
    }

    /// <summary>The first aggregate over a field not measured before: one more column scan.</summary>
    public async Task<double> NewFieldAsync(string field)
    {
        var watch = Stopwatch.StartNew();
        await AskAsync(0, 1, field);
        return watch.Elapsed.TotalMilliseconds;
    }

    private async Task<NodeAggregateResponse> AskAsync(long lower, long upper, string field = "tax.paid12m")
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new NodeAggregateRequest
            {
                Field = field,
                GroupBy = ["registration.province", "registration.industry"],
                Filter = new Dictionary<string, IReadOnlyList<string>>(),
                Lower = lower,
                Upper = upper,
            },
            Json));
        var now = DateTimeOffset.UtcNow;
        var ticket = _codec.Issue(new NodeTicket(
            NodeId, NodeTicketCodec.HashQuery(body), "bank-001", "*", "statistics", "aggregate", now, now.AddSeconds(30), "b-" + Interlocked.Increment(ref _tickets)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/v1/aggregates") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("DG-Ticket", ticket);
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NodeAggregateResponse>(Json))!;
    }
}

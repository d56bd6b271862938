using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DataGateway.Bench;

/// <summary>
/// Closed-loop load on <c>POST /v1/scores/batch</c>: a few clients, each sending one batch of distinct
/// subjects at a time, counting every subject answered with a ciphertext and keeping a sample to decrypt.
/// </summary>
internal static class ScoringLoad
{
    /// <summary>Subjects per batch, the shipped policy's maxBatchSize.</summary>
    public const int BatchSize = 1000;

    private const int SampleEveryBatches = 3;

    public static async Task<ScoringLoadResult> RunAsync(Uri gateway, string token, IReadOnlyList<string> subjects, int clients, TimeSpan warmup, TimeSpan duration)
    {
        // The bodies are serialised once: the load generator shares the two cores with the gateway and node.
        var bodies = Enumerable.Range(0, Math.Max(1, subjects.Count / BatchSize)).Select(b => Body(subjects, b * BatchSize)).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        await PhaseAsync(client, token, bodies, clients, warmup, record: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var result = await PhaseAsync(client, token, bodies, clients, duration, record: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return result with { Elapsed = elapsed, ProcessCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu };
    }

    private static async Task<ScoringLoadResult> PhaseAsync(HttpClient client, string token, byte[][] bodies, int clients, TimeSpan length, bool record)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        var samples = new List<(string Subject, string Ciphertext)>();
        long scores = 0, problems = 0, failedBatches = 0;
        var next = -1;
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var batch = Interlocked.Increment(ref next);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/scores/batch") { Content = new ByteArrayContent(bodies[batch % bodies.Length]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var payload = await response.Content.ReadAsByteArrayAsync();
                var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!record)
                {
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failedBatches);
                    Console.Error.WriteLine($"bench: batch answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(payload.AsSpan(0, Math.Min(300, payload.Length)))}");
                    continue;
                }

                var (ok, refused, sample) = Count(payload, batch % SampleEveryBatches == 0);
                Interlocked.Add(ref scores, ok);
                Interlocked.Add(ref problems, refused);
                lock (gate)
                {
                    latencies.Add(latency);
                    samples.AddRange(sample);
                }
            }
        }));
        latencies.Sort();
        return new ScoringLoadResult(scores, problems, failedBatches, latencies, samples, TimeSpan.Zero, TimeSpan.Zero);
    }

    private static (long Ok, long Problems, List<(string, string)> Sample) Count(byte[] payload, bool sample)
    {
        using var document = JsonDocument.Parse(payload);
        long ok = 0, problems = 0;
        var kept = new List<(string, string)>();
        foreach (var item in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (item.TryGetProperty("ciphertext", out var ciphertext))
            {
                ok++;
                if (sample && kept.Count < 2)
                {
                    kept.Add((item.GetProperty("subject").GetString()!, ciphertext.GetString()!));
                }
            }
            else
            {
                problems++;
            }
        }

        return (ok, problems, kept);
    }

    private static byte[] Body(IReadOnlyList<string> subjects, int offset) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            subjects = Enumerable.Range(offset, BatchSize).Select(i => subjects[i % subjects.Count]).Distinct(StringComparer.Ordinal).ToArray(),
            purpose = "pre-loan",
            model = ScoringBenchModel.Id,
        });
}

/// <summary>What one scoring load phase measured.</summary>
internal sealed record ScoringLoadResult(
    long Scores, long Problems, long FailedBatches, List<double> BatchLatenciesMs, List<(string Subject, string Ciphertext)> Samples, TimeSpan Elapsed, TimeSpan ProcessCpu)
{
    public double ScoresPerSecond => Scores / Elapsed.TotalSeconds;

    public double Percentile(double q) =>
        BatchLatenciesMs.Count == 0 ? double.NaN : BatchLatenciesMs[Math.Min(BatchLatenciesMs.Count - 1, (int)Math.Ceiling(q * BatchLatenciesMs.Count) - 1)];
}

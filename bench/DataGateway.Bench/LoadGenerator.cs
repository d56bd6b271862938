using System.Diagnostics;
using System.Net;

namespace DataGateway.Bench;

/// <summary>
/// A closed-loop load generator: <c>connections</c> workers each send one request at a time
/// for a fixed duration after a warm-up, recording every latency. Loopback only.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(
        string name, Uri baseAddress, Func<int, HttpRequestMessage> makeRequest, int connections, TimeSpan warmup, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        await RunPhaseAsync(client, makeRequest, connections, warmup, record: false);
        var started = Stopwatch.GetTimestamp();
        var (latencies, failures) = await RunPhaseAsync(client, makeRequest, connections, duration, record: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        latencies.Sort();
        return new LoadResult(name, latencies.Count, failures, elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static async Task<(List<double> Latencies, long Failures)> RunPhaseAsync(
        HttpClient client, Func<int, HttpRequestMessage> makeRequest, int connections, TimeSpan length, bool record)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var perWorker = new List<double>[connections];
        long failures = 0;
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var latencies = perWorker[worker] = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var request = makeRequest(Interlocked.Increment(ref counter));
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
                else if (record)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }));
        return (perWorker.SelectMany(l => l).ToList(), failures);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}

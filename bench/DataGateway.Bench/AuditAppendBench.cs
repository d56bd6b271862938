using System.Diagnostics;
using System.Globalization;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataGateway.Bench;

/// <summary>
/// Durable audit appends (WAL, synchronous=FULL, group commit) from many concurrent writers,
/// then a full chain verification of what was written: the audit log's two throughput figures.
/// </summary>
internal static class AuditAppendBench
{
    public static async Task<string> RunAsync(int entries, int writers)
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-bench-audit-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            long cpuMicros;
            TimeSpan elapsed;
            await using (var log = await SqliteAuditLog.OpenAsync(path, TimeProvider.System, NullLogger<SqliteAuditLog>.Instance))
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                var next = 0;
                await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) <= entries)
                    {
                        await log.AppendAsync(Entry(i), CancellationToken.None);
                    }
                }));
                elapsed = Stopwatch.GetElapsedTime(started);
                cpuMicros = (long)(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds;
            }

            var verifyStarted = Stopwatch.GetTimestamp();
            var verification = AuditChainVerifier.Verify(path);
            var verifyElapsed = Stopwatch.GetElapsedTime(verifyStarted);
            return string.Create(CultureInfo.InvariantCulture, $"""
                | audit log ({writers} writers, {entries:N0} entries) | value |
                |---|---:|
                | durable appends/s (group commit, synchronous=FULL) | {entries / elapsed.TotalSeconds:0} |
                | CPU per append | {cpuMicros / (double)entries:0.0} µs |
                | full chain verification | {verifyElapsed.TotalSeconds:0.00} s ({(verification.Ok ? "ok" : verification.Problem)}) |
                """);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static AuditEntry Entry(int i) => new()
    {
        Actor = "dev-bank-001",
        Role = "institution",
        Institution = "bank-001",
        Subject = "91440706PDY00001XE",
        Purpose = "pre-loan",
        Kind = "verification",
        QueryHash = "q" + i.ToString(CultureInfo.InvariantCulture).PadLeft(42, '0'),
        Decision = "allowed",
        Reason = "ok",
        PolicyVersion = "pol-c9535ab729564185",
        ResultDigest = "r" + i.ToString(CultureInfo.InvariantCulture).PadLeft(42, '0'),
        Node = "node-1",
        LatencyMicros = 1234,
        ClientRequestId = null,
        Predicates = ["tax.paid12mAtLeast", "court.notDishonestDebtor"],
    };
}

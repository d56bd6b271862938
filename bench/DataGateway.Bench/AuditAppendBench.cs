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
            long written;
            TimeSpan elapsed;
            await using (var log = await SqliteAuditLog.OpenAsync(path, TimeProvider.System, NullLogger<SqliteAuditLog>.Instance))
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var writtenBefore = BytesWritten();
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
                written = BytesWritten() - writtenBefore;
            }

            var verifyStarted = Stopwatch.GetTimestamp();
            var verification = AuditChainVerifier.Verify(path);
            var verifyElapsed = Stopwatch.GetElapsedTime(verifyStarted);
            return string.Create(CultureInfo.InvariantCulture, $"""
                | audit log ({writers} writers, {entries:N0} entries) | value |
                |---|---:|
                | durable appends/s (group commit, synchronous=FULL) | {entries / elapsed.TotalSeconds:0} |
                | CPU per append | {cpuMicros / (double)entries:0.0} µs |
                | bytes written per append (WAL and checkpoints) | {written / (double)entries:0} |
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

    // wchar of /proc/self/io: every byte SQLite hands to write(2), WAL frames and checkpoint copies alike.
    private static long BytesWritten() =>
        File.ReadLines("/proc/self/io").Where(l => l.StartsWith("wchar:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["wchar:".Length..], CultureInfo.InvariantCulture)).FirstOrDefault();

    /// <summary>A verification entry as the pipeline writes it, subjects spread over 10,000 enterprises.</summary>
    public static AuditEntry Entry(int i) => new()
    {
        Actor = "dev-bank-001",
        Role = "institution",
        Institution = "bank-001",
        // Subjects spread like real traffic (10,000 enterprises), so the subject index pays its real cost.
        Subject = "914407" + (i * 7919 % 10_000).ToString("D5", CultureInfo.InvariantCulture) + "PDY0001XE",
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

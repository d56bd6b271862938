using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataGateway.Cli.Audit;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataGateway.Bench;

/// <summary>
/// The offline verification figure (issue 4: "dg audit verify of a 1,000,000-entry export in under 10 s"):
/// builds a log with SqliteAuditLog, exports it in the gateway's format, then times the verifier routine of
/// <c>dg audit verify</c>, alone and against a saved checkpoint.
/// </summary>
internal static class AuditVerifyBench
{
    private const string Origin = "datagateway.dev/audit";

    public static async Task<string> RunAsync(int entries)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dg-bench-verify-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "audit.db");
        var export = Path.Combine(directory, "export.ndjson");
        try
        {
            using var key = NoteSigningKey.Generate(Origin);
            var signer = new CheckpointSigner(key, Origin, TimeProvider.System);
            var built = Stopwatch.StartNew();
            string savedNote;
            TimeSpan exportTime;
            await using (var log = await SqliteAuditLog.OpenAsync(database, TimeProvider.System, NullLogger<SqliteAuditLog>.Instance))
            {
                // Batched: thousands of appends in flight, so each commit carries a full group (MaxBatchSize).
                for (var start = 0; start < entries; start += 8192)
                {
                    var count = Math.Min(8192, entries - start);
                    await Task.WhenAll(Enumerable.Range(start, count).Select(i => log.AppendAsync(Entry(i), CancellationToken.None).AsTask()));
                }

                built.Stop();
                var size = log.ReadTree(tree => tree.Size);
                savedNote = signer.Sign(null, size / 2, log.ReadTree(tree => tree.Root(size / 2))).Note!;
                var note = signer.Sign(null, size, log.ReadTree(tree => tree.Root(size))).Note!;
                var exportStarted = Stopwatch.GetTimestamp();
                await ExportAsync(log, export, log.ReadTree(tree => AuditRangeProof.Read(tree, 0, size, size)), note);
                exportTime = Stopwatch.GetElapsedTime(exportStarted);
            }

            CheckpointVerifier.Verify(savedNote, Origin, [key.VerificationKey], out var saved);
            var alone = Time(() => Verify(export, key, null));
            var withSaved = Time(() => Verify(export, key, saved));
            return string.Create(CultureInfo.InvariantCulture, $"""
                | dg audit verify ({entries:N0} entries, {new FileInfo(export).Length / 1e6:0} MB export, {Environment.ProcessorCount} cores) | value |
                |---|---:|
                | build the log (batched durable appends) | {built.Elapsed.TotalSeconds:0.0} s |
                | export (gateway format, chunked reads) | {exportTime.TotalSeconds:0.0} s |
                | verify: leaves, chain, root, signature | {alone.Elapsed.TotalSeconds:0.00} s ({alone.Verdict}) |
                | verify with --checkpoint (size {entries / 2:N0}) | {withSaved.Elapsed.TotalSeconds:0.00} s ({withSaved.Verdict}) |
                | target | < 10 s |
                """);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Verify(string export, NoteSigningKey key, Checkpoint? saved)
    {
        using var file = new FileStream(export, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var verifier = new AuditExportVerifier([key.VerificationKey], Origin, saved);
        var result = verifier.Verify(file);
        return result.Ok ? "ok" : result.ToString();
    }

    private static (TimeSpan Elapsed, string Verdict) Time(Func<string> run)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = run();
        return (Stopwatch.GetElapsedTime(started), verdict);
    }

    // The loop of AuditExportApi, writing to a file instead of a response body.
    private static async Task ExportAsync(IAuditLog log, string path, AuditRangeProof proof, string note)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var json = new Utf8JsonWriter(file);
        void Line(Action<Utf8JsonWriter> write)
        {
            write(json);
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset();
        }

        Line(w => AuditExportFormat.WriteHeader(w, proof));
        await foreach (var chunk in log.ReadRangeInChunksAsync(proof.From, proof.To))
        {
            var leaves = log.ReadTreeLeaves(chunk);
            for (var i = 0; i < chunk.Count; i++)
            {
                var (row, leaf) = (chunk[i], leaves[i]);
                Line(w => AuditExportFormat.WriteEntry(w, row.Stored!, leaf)); // a freshly built log has no damaged rows
            }
        }

        Line(w => AuditExportFormat.WriteCheckpoint(w, proof, note));
    }

    private static AuditEntry Entry(int i) => new()
    {
        Actor = "dev-bank-001",
        Role = "institution",
        Institution = "bank-00" + (1 + (i % 3)).ToString(CultureInfo.InvariantCulture),
        Subject = "91440706PDY" + (i % 100000).ToString("D5", CultureInfo.InvariantCulture) + "XE",
        Purpose = "pre-loan",
        Kind = "verification",
        QueryHash = "q" + i.ToString(CultureInfo.InvariantCulture).PadLeft(42, '0'),
        Decision = i % 7 == 0 ? "denied" : "allowed",
        Reason = i % 7 == 0 ? "consent_required" : "ok",
        ConsentId = "cns_" + i.ToString(CultureInfo.InvariantCulture).PadLeft(20, '0'),
        PolicyVersion = "pol-c9535ab729564185",
        ResultDigest = "r" + i.ToString(CultureInfo.InvariantCulture).PadLeft(42, '0'),
        Node = "node-1",
        LatencyMicros = 1234 + (i % 1000),
        ClientRequestId = null,
        Predicates = ["tax.paid12mAtLeast", "court.notDishonestDebtor"],
    };
}

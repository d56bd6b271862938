using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Steps shared by the audit export tests: real traffic, <c>dg audit</c> run in-process against the real
/// gateway, direct SQL as the attacker, and an operator who rewrites an export and re-signs it with the
/// development checkpoint key (RELIABILITY.md A4: the operator holds that key).
/// </summary>
internal static class AuditExportSteps
{
    public const string Origin = "datagateway.dev/audit";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answered verifications (each also logs its consent events through the auto-consent handler).</summary>
    public static async Task TrafficAsync(GatewayHarness harness, int requests, int firstSubject = 100, string institution = "bank-001")
    {
        for (var i = 0; i < requests; i++)
        {
            var body = new { subject = GroundTruth.All[firstSubject + i].Uscc, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } };
            using var response = await harness.Client.SendAsync(harness.Post("/v1/verifications", body, harness.TokenFor(institution: institution)), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public static async Task<string> JwksFileAsync(GatewayHarness harness)
    {
        var path = Path.Combine(harness.WorkDirectory, "jwks.json");
        await File.WriteAllTextAsync(path, await harness.Client.GetStringAsync("/.well-known/jwks.json", Ct), Ct);
        return path;
    }

    public static Task<(int Code, string Output, string Error)> DgAsync(GatewayHarness harness, params string[] args)
    {
        string[] gateway = args[0] == "verify" ? [] : ["--gateway", harness.GatewayAddress, "--token", harness.TokenFor("auditor")];
        return RunDgAsync(["audit", .. args, .. gateway]);
    }

    public static async Task<(int Code, string Output, string Error)> RunDgAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { AuditCommand.Create(_ => null) };
        var code = await DgApp.RunAsync(root, args, new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<string> ExportAsync(GatewayHarness harness, string name, long? from = null, long? to = null)
    {
        var path = Path.Combine(harness.WorkDirectory, name);
        var args = new List<string> { "export", "--out", path };
        if (from is { } f)
        {
            args.AddRange(["--from", f.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (to is { } t)
        {
            args.AddRange(["--to", t.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var (code, _, error) = await DgAsync(harness, [.. args]);
        Assert.True(code == ExitCodes.Success, error);
        return path;
    }

    public static Task<(int Code, string Output, string Error)> VerifyAsync(GatewayHarness harness, string export, string jwks, string? checkpoint = null) =>
        DgAsync(harness, checkpoint is null ? ["verify", export, "--jwks", jwks] : ["verify", export, "--jwks", jwks, "--checkpoint", checkpoint]);

    public static async Task<string> SaveCheckpointAsync(GatewayHarness harness, string name)
    {
        var path = Path.Combine(harness.WorkDirectory, name);
        var (code, _, error) = await DgAsync(harness, "checkpoint", "save", "--out", path);
        Assert.True(code == ExitCodes.Success, error);
        return path;
    }

    public static void Sql(GatewayHarness harness, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={harness.AuditDatabasePath};Pooling=False;Default Timeout=10");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public static long EntryCount(GatewayHarness harness)
    {
        using var connection = new SqliteConnection($"Data Source={harness.AuditDatabasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_entries";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The entry lines of an export, parsed.</summary>
    public static List<StoredAuditEntry> Entries(string export) =>
        File.ReadAllLines(export).Select(l => Encoding.UTF8.GetBytes(l)).Where(l => AuditExportEntryReader.IsEntryLine(l))
            .Select(l => Assert.IsType<StoredAuditEntry>(AuditExportEntryReader.TryRead(l, out var e) ? e : null)).ToList();

    /// <summary>
    /// What an operator with the checkpoint key can do: rebuild a complete, internally consistent export of
    /// <paramref name="entries"/> (fresh chain, fresh tree) and sign a checkpoint for it.
    /// </summary>
    public static string Forge(GatewayHarness harness, string name, IReadOnlyList<StoredAuditEntry> entries)
    {
        var tree = new MemoryMerkleTree();
        var previous = AuditLeafEncoding.GenesisHash.ToArray();
        var rows = new List<StoredAuditEntry>();
        foreach (var e in entries)
        {
            var leaf = AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(e.Index, e.Timestamp.ToUnixTimeMilliseconds(), e.Entry));
            var hash = AuditLeafEncoding.ChainHash(previous, leaf);
            rows.Add(e with { PreviousHash = previous, EntryHash = hash });
            tree.Append(leaf);
            previous = hash;
        }

        using var key = NoteSigningKey.FromSeed(Origin, TestMaterial.Keys.CheckpointSeed);
        var note = new CheckpointSigner(key, Origin, TimeProvider.System).Sign(null, tree.Size, tree.Root()).Note!;
        var proof = new AuditRangeProof(0, tree.Size, tree.Size, [], []);
        var path = Path.Combine(harness.WorkDirectory, name);
        using var file = File.Create(path);
        foreach (var write in new Action<Utf8JsonWriter>[] { w => AuditExportFormat.WriteHeader(w, proof) }
                     .Concat(rows.Select(r => (Action<Utf8JsonWriter>)(w => AuditExportFormat.WriteEntry(w, r))))
                     .Append(w => AuditExportFormat.WriteCheckpoint(w, proof, note)))
        {
            using (var writer = new Utf8JsonWriter(file))
            {
                write(writer);
            }

            file.WriteByte((byte)'\n');
        }

        return path;
    }

    /// <summary>A checkpoint note for any size and root, signed with the operator's key.</summary>
    public static string SignedNote(long size, byte[] root)
    {
        using var key = NoteSigningKey.FromSeed(Origin, TestMaterial.Keys.CheckpointSeed);
        return new CheckpointSigner(key, Origin, TimeProvider.System).Sign(null, size, root).Note!;
    }

    public static async Task<JsonElement> GetJsonAsync(GatewayHarness harness, string path, string? token = null)
    {
        using var request = harness.Send(HttpMethod.Get, path, token ?? harness.TokenFor("auditor"));
        using var response = await harness.Client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

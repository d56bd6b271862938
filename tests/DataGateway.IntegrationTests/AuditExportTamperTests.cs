using System.Text.Json;
using DataGateway.Cli;
using DataGateway.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using static DataGateway.IntegrationTests.AuditExportSteps;

namespace DataGateway.IntegrationTests;

/// <summary>One gateway with real traffic, shared by the column tamper theory (each case restores the row).</summary>
public sealed class AuditExportTamperFixture : IAsyncLifetime
{
    public GatewayHarness Harness { get; private set; } = null!;

    public string Jwks { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Harness = await GatewayHarness.StartAsync();
        await TrafficAsync(Harness, 6);
        Jwks = await JwksFileAsync(Harness);
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// RELIABILITY.md A1 through the real export: one byte of one stored column of the first, a middle or the last
/// entry changed by direct SQL, and <c>dg audit verify</c> names exactly that entry.
/// </summary>
public sealed class AuditExportTamperTests(AuditExportTamperFixture fixture) : IClassFixture<AuditExportTamperFixture>
{
    private GatewayHarness Harness => fixture.Harness;

    public static TheoryData<string> Columns =>
    [
        "ts", "actor", "role", "institution", "subject", "purpose", "kind", "query_hash", "decision", "reason", "consent_id",
        "policy_version", "result_digest", "node", "latency_micros", "client_request_id", "predicates", "prev_hash", "entry_hash",
    ];

    [Fact]
    public async Task Verify_Passes_OnTheUntamperedExport()
    {
        var export = await ExportAsync(Harness, "clean.ndjson");

        var (code, output, error) = await VerifyAsync(Harness, export, fixture.Jwks);

        Assert.True(code == ExitCodes.Success, error);
        Assert.StartsWith("ok: entries 0..", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public async Task Verify_NamesTheTamperedEntry_ForEveryColumnAndPosition(string column)
    {
        var size = (await GetJsonAsync(Harness, "/v1/audit/tree-head")).GetProperty("treeSize").GetInt64();
        foreach (var index in new[] { 0, size / 2, size - 1 })
        {
            var original = Read(column, index);
            Sql(Harness, $"UPDATE audit_entries SET {column} = $v WHERE seq = $seq", ("$v", Tamper(column, original)), ("$seq", index));
            try
            {
                var export = await ExportAsync(Harness, $"tampered-{column}-{index}.ndjson", to: size);
                var (code, _, error) = await VerifyAsync(Harness, export, fixture.Jwks);

                Assert.Equal(ExitCodes.Refused, code);
                Assert.Contains($"leaf_mismatch at {index}:", error, StringComparison.Ordinal);
            }
            finally
            {
                Sql(Harness, $"UPDATE audit_entries SET {column} = $v WHERE seq = $seq", ("$v", original ?? DBNull.Value), ("$seq", index));
            }
        }

        var restored = await ExportAsync(Harness, $"restored-{column}.ndjson");
        Assert.Equal(ExitCodes.Success, (await VerifyAsync(Harness, restored, fixture.Jwks)).Code);
    }

    [Theory]
    [InlineData("first")]
    [InlineData("middle")]
    public async Task Verify_NamesTheEntry_WhenItsSeqIsRenumbered(string where)
    {
        var size = (await GetJsonAsync(Harness, "/v1/audit/tree-head")).GetProperty("treeSize").GetInt64();
        var index = where == "first" ? 0 : size / 2;
        Sql(Harness, "UPDATE audit_entries SET seq = seq + 1000000 WHERE seq = $seq", ("$seq", index));
        try
        {
            var export = await ExportAsync(Harness, $"renumbered-{where}.ndjson", to: size);
            var (code, _, error) = await VerifyAsync(Harness, export, fixture.Jwks);

            Assert.Equal(ExitCodes.Refused, code);
            Assert.Contains($"entry_missing at {index}:", error, StringComparison.Ordinal);
        }
        finally
        {
            Sql(Harness, "UPDATE audit_entries SET seq = seq - 1000000 WHERE seq = $seq", ("$seq", index + 1000000));
        }
    }

    private object? Read(string column, long index)
    {
        using var connection = new SqliteConnection($"Data Source={Harness.AuditDatabasePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM audit_entries WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", index);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    // "Flip one byte": the smallest change that keeps the row readable, so the verifier, not the reader, must catch it.
    private static object Tamper(string column, object? value) => value switch
    {
        null => "x",
        long number => number + 1,
        byte[] bytes => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 1) : b).ToArray(),
        string text when column == "predicates" => TamperPredicates(text),
        string text => text[..^1] + (char)(text[^1] ^ 1),
        _ => throw new InvalidOperationException($"Unexpected value in {column}."),
    };

    private static string TamperPredicates(string json)
    {
        var predicates = JsonSerializer.Deserialize<string[]>(json)!;
        return JsonSerializer.Serialize(predicates.Length == 0 ? ["x"] : predicates.Select((p, i) => i == 0 ? p[..^1] + (char)(p[^1] ^ 1) : p).ToArray());
    }
}

using DataGateway.Storage.Audit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>RELIABILITY.md A1/A2: direct SQL edits by an attacker are found, at exactly the first bad index.</summary>
public sealed class AuditTamperTests
{
    private const int Entries = 7;

    public static TheoryData<string, int> ColumnsByPosition()
    {
        var data = new TheoryData<string, int>();
        foreach (var column in new[]
        {
            "seq", "ts", "actor", "role", "institution", "subject", "purpose", "kind", "query_hash", "decision", "reason",
            "consent_id", "policy_version", "result_digest", "node", "latency_micros", "client_request_id", "predicates",
            "prev_hash", "entry_hash",
        })
        {
            foreach (var index in new[] { 0, Entries / 2, Entries - 1 })
            {
                data.Add(column, index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ColumnsByPosition))]
    public async Task Verify_ReportsExactlyTheTamperedIndex_WhenOneColumnOfOneRowIsChanged(string column, int index)
    {
        using var db = await CreateLogAsync();
        using (var raw = db.OpenRaw())
        {
            FlipColumn(raw, column, index);
        }

        var result = AuditChainVerifier.Verify(db.Path);

        Assert.False(result.Ok);
        Assert.Equal(index, result.FirstBadIndex);
        Assert.Equal(index, result.EntryCount);
    }

    [Fact]
    public async Task Verify_ReportsTheGap_WhenAMiddleRowIsDeleted()
    {
        using var db = await CreateLogAsync();
        using (var raw = db.OpenRaw())
        {
            Exec(raw, "DELETE FROM audit_entries WHERE seq = 3");
        }

        Assert.Equal(new AuditVerification(false, 3, 3, "sequence_broken"), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task Insert_IsRefusedByTheLinkTrigger_WhenARowIsDuplicatedVerbatimUnderANewSeq()
    {
        using var db = await CreateLogAsync();
        using var raw = db.OpenRaw();

        var ex = Assert.Throws<SqliteException>(() => Exec(raw, CopyRowSql(sourceSeq: 3, newSeq: Entries, prevHash: "prev_hash")));

        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
    }

    [Theory]
    [InlineData(Entries + 5, "(SELECT entry_hash FROM audit_entries WHERE seq = 2)")] // a gap: no predecessor to link to
    [InlineData(Entries, "zeroblob(32)")] // the genesis link is for seq 0 only
    [InlineData(Entries, "(SELECT entry_hash FROM audit_entries WHERE seq = 2)")] // a second branch off an old entry
    public async Task Insert_IsRefusedByTheLinkTrigger_WhenTheRowDoesNotExtendTheChain(int newSeq, string prevHash)
    {
        using var db = await CreateLogAsync();
        using var raw = db.OpenRaw();

        var ex = Assert.Throws<SqliteException>(() => Exec(raw, CopyRowSql(sourceSeq: 3, newSeq: newSeq, prevHash: prevHash)));

        Assert.Equal(19, ex.SqliteErrorCode);
        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
    }

    [Fact]
    public async Task Verify_ReportsTheCopy_WhenARowIsDuplicatedAtTheTailAndRelinked()
    {
        using var db = await CreateLogAsync();
        using (var raw = db.OpenRaw())
        {
            // The attacker makes the link hold; the copied hash still commits to the original seq.
            Exec(raw, CopyRowSql(sourceSeq: 3, newSeq: Entries, prevHash: $"(SELECT entry_hash FROM audit_entries WHERE seq = {Entries - 1})"));
        }

        Assert.Equal(new AuditVerification(false, Entries, Entries, "entry_hash_mismatch"), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task Verify_ReportsTheEarlierRow_WhenTwoRowsSwapTheirSeq()
    {
        using var db = await CreateLogAsync();
        using (var raw = db.OpenRaw())
        {
            Exec(raw, "UPDATE audit_entries SET seq = -1 WHERE seq = 2");
            Exec(raw, "UPDATE audit_entries SET seq = 2 WHERE seq = 5");
            Exec(raw, "UPDATE audit_entries SET seq = 5 WHERE seq = -1");
        }

        var result = AuditChainVerifier.Verify(db.Path);

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBadIndex);
    }

    [Fact]
    public async Task OpenAsync_ThrowsAuditCorrupt_WhenTheLastEntryWasTampered()
    {
        using var db = await CreateLogAsync();
        using (var raw = db.OpenRaw())
        {
            FlipColumn(raw, "decision", Entries - 1);
        }

        await Assert.ThrowsAsync<AuditCorruptException>(() => db.OpenAsync());
    }

    /// <summary>
    /// RELIABILITY.md A2's model: random scripts of one to three edits (flip a column, delete a row that is not the
    /// tail, swap two rows' seq, append a relinked copy) against the chain. Every script is found, and the verifier
    /// never names an index after the first row the script touched. (Cutting the tail alone is invisible to the chain
    /// by design: only a checkpoint catches it, A3.)
    /// </summary>
    [Property(MaxTest = 40)]
    public Property AnyEditScript_IsFound_NoLaterThanTheFirstRowItTouched(int seed)
    {
        var script = Script(new Random(seed)); // test-case generation only
        using var db = CreateLogAsync().GetAwaiter().GetResult();
        using (var raw = db.OpenRaw())
        {
            // The copy goes first: the link trigger only lets a row in behind the real tail.
            foreach (var edit in script.OrderBy(e => e.Kind == "copy" ? 0 : 1))
            {
                Apply(raw, edit);
            }
        }

        var result = AuditChainVerifier.Verify(db.Path);
        var firstTouched = script.Min(e => e.FirstRow);
        return (!result.Ok && result.FirstBadIndex <= firstTouched).Label($"{string.Join("; ", script)} -> {result}");
    }

    [Fact]
    public void Verify_ReportsUnreadable_WhenTheFileDoesNotExist()
    {
        using var db = new TempDatabase();

        Assert.Equal(new AuditVerification(false, 0, null, "database_unreadable"), AuditChainVerifier.Verify(db.Path));
    }

    private static async Task<TempDatabase> CreateLogAsync()
    {
        var db = new TempDatabase();
        await using var log = await db.OpenAsync();
        for (var i = 0; i < Entries; i++)
        {
            await log.AppendAsync(Some.Entry(i), TempDatabase.Ct);
        }

        Assert.True(AuditChainVerifier.Verify(db.Path).Ok);
        return db;
    }

    /// <summary>Changes one stored value minimally: one bit of text or blob, +1 for integers, seq moved past the end.</summary>
    private static void FlipColumn(SqliteConnection raw, string column, int index)
    {
        if (column == "seq")
        {
            Exec(raw, $"UPDATE audit_entries SET seq = seq + 1000 WHERE seq = {index}");
            return;
        }

        using var read = raw.CreateCommand();
        read.CommandText = $"SELECT {column} FROM audit_entries WHERE seq = {index}";
        object tampered = read.ExecuteScalar() switch
        {
            long number => number + 1,
            byte[] blob => FlipFirstBit(blob),
            string text => (char)(text[0] ^ 1) + text[1..],
            var other => throw new InvalidOperationException($"Unexpected value {other} in {column}."),
        };

        using var write = raw.CreateCommand();
        write.CommandText = $"UPDATE audit_entries SET {column} = $value WHERE seq = {index}";
        write.Parameters.AddWithValue("$value", tampered);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    private static byte[] FlipFirstBit(byte[] blob)
    {
        var copy = (byte[])blob.Clone();
        copy[0] ^= 1;
        return copy;
    }

    private static List<Edit> Script(Random random)
    {
        string[] columns = ["seq", "ts", "actor", "subject", "decision", "reason", "result_digest", "latency_micros", "predicates", "prev_hash", "entry_hash"];
        var rows = Enumerable.Range(0, Entries).OrderBy(_ => random.Next()).ToList(); // distinct rows per edit
        var script = new List<Edit>();
        for (var i = 1 + random.Next(3); i > 0 && rows.Count >= 2; i--)
        {
            var row = rows[0];
            rows.RemoveAt(0);
            switch (random.Next(4))
            {
                case 0 when row < Entries - 1:
                    script.Add(new Edit("delete", row, row));
                    break;
                case 1:
                    var other = rows[0];
                    rows.RemoveAt(0);
                    script.Add(new Edit("swap", Math.Min(row, other), Math.Max(row, other)));
                    break;
                case 2 when script.All(e => e.Kind != "copy"):
                    script.Add(new Edit("copy", Entries, row));
                    break;
                default:
                    script.Add(new Edit("flip", row, row, columns[random.Next(columns.Length)]));
                    break;
            }
        }

        return script;
    }

    private static void Apply(SqliteConnection raw, Edit edit)
    {
        switch (edit.Kind)
        {
            case "delete":
                Exec(raw, $"DELETE FROM audit_entries WHERE seq = {edit.FirstRow}");
                break;
            case "swap":
                Exec(raw, $"UPDATE audit_entries SET seq = -1 WHERE seq = {edit.FirstRow}");
                Exec(raw, $"UPDATE audit_entries SET seq = {edit.FirstRow} WHERE seq = {edit.OtherRow}");
                Exec(raw, $"UPDATE audit_entries SET seq = {edit.OtherRow} WHERE seq = -1");
                break;
            case "copy":
                Exec(raw, CopyRowSql(sourceSeq: edit.OtherRow, newSeq: Entries, prevHash: $"(SELECT entry_hash FROM audit_entries WHERE seq = {Entries - 1})"));
                break;
            default:
                FlipColumn(raw, edit.Column!, edit.FirstRow);
                break;
        }
    }

    /// <summary>One tampering step; <see cref="FirstRow"/> is the lowest index it changes.</summary>
    private sealed record Edit(string Kind, int FirstRow, int OtherRow, string? Column = null);

    private static string CopyRowSql(int sourceSeq, int newSeq, string prevHash) =>
        $"""
        INSERT INTO audit_entries
        SELECT {newSeq}, ts, actor, role, institution, subject, purpose, kind, query_hash, decision, reason, consent_id,
               policy_version, result_digest, node, latency_micros, client_request_id, predicates, {prevHash}, entry_hash
        FROM audit_entries WHERE seq = {sourceSeq}
        """;

    private static void Exec(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

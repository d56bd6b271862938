using System.Net;
using DataGateway.Cli;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using static DataGateway.IntegrationTests.AuditExportSteps;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Invariant 6 end to end: real requests, a real export, <c>dg audit verify</c> offline; deleted, duplicated and
/// reordered rows (A2), tail truncation (A3), a re-signed rewrite (A4) and hostile content (A11).
/// </summary>
public sealed class AuditExportVerifyTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;
    private string _jwks = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await GatewayHarness.StartAsync();
        await TrafficAsync(_harness, 5);
        _jwks = await JwksFileAsync(_harness);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_Passes_ForAnyRange_AndWithTheJwksUrl()
    {
        var size = (await GetJsonAsync(_harness, "/v1/audit/tree-head")).GetProperty("treeSize").GetInt64();
        Assert.True(size >= 10);

        foreach (var (from, to) in new (long?, long?)[] { (null, null), (3, 7), (5, null), (size, null), (0, 1) })
        {
            var export = await ExportAsync(_harness, $"range-{from}-{to}.ndjson", from, to);
            var (code, output, error) = await VerifyAsync(_harness, export, _jwks);
            Assert.True(code == ExitCodes.Success, $"[{from}, {to}): {error}");
            Assert.Contains($"checkpoint size {size}", output, StringComparison.Ordinal);
        }

        var all = await ExportAsync(_harness, "all.ndjson");
        var byUrl = await VerifyAsync(_harness, all, _harness.GatewayAddress + "/.well-known/jwks.json");
        Assert.Equal(ExitCodes.Success, byUrl.Code);
        Assert.Equal(size, Entries(all).Count);
    }

    [Fact]
    public async Task Verify_RefusesASignatureFromAnotherKey_AndAnIncompleteDownload()
    {
        var export = await ExportAsync(_harness, "export.ndjson");
        var otherJwks = Path.Combine(_harness.WorkDirectory, "other-jwks.json");
        using (var other = DataGateway.Cryptography.Checkpoints.NoteSigningKey.Generate(Origin))
        {
            await File.WriteAllTextAsync(otherJwks, new DataGateway.Cryptography.Signing.JsonWebKeySet([other.VerificationKey.ToJsonWebKey()]).ToJson(), Ct);
        }

        var wrongKey = await VerifyAsync(_harness, export, otherJwks);
        Assert.Equal(ExitCodes.Refused, wrongKey.Code);
        Assert.Contains("bad_signature", wrongKey.Error, StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(export, Ct);
        var cut = Path.Combine(_harness.WorkDirectory, "cut.ndjson");
        await File.WriteAllLinesAsync(cut, lines[..^1], Ct);
        var incomplete = await VerifyAsync(_harness, cut, _jwks);
        Assert.Equal(ExitCodes.Refused, incomplete.Code);
        Assert.Contains("malformed_export", incomplete.Error, StringComparison.Ordinal);

        // One changed signature byte in the note (re-encoded as valid JSON, so only the signature is wrong).
        var trailer = System.Text.Json.Nodes.JsonNode.Parse(lines[^1])!;
        var note = trailer["checkpoint"]!.GetValue<string>();
        var signatureLine = note.TrimEnd('\n').Split('\n')[^1];
        var signature = Convert.FromBase64String(signatureLine[(signatureLine.LastIndexOf(' ') + 1)..]);
        signature[^1] ^= 1;
        trailer["checkpoint"] = note.Replace(signatureLine, signatureLine[..(signatureLine.LastIndexOf(' ') + 1)] + Convert.ToBase64String(signature), StringComparison.Ordinal);
        var forgedSignature = Path.Combine(_harness.WorkDirectory, "forged-sig.ndjson");
        await File.WriteAllLinesAsync(forgedSignature, [.. lines[..^1], trailer.ToJsonString()], Ct);
        var badSignature = await VerifyAsync(_harness, forgedSignature, _jwks);
        Assert.Equal(ExitCodes.Refused, badSignature.Code);
        Assert.Contains("bad_signature", badSignature.Error, StringComparison.Ordinal);
        Assert.Contains("SignatureInvalid", badSignature.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesTheGap_WhenAMiddleRowIsDeleted()
    {
        var middle = EntryCount(_harness) / 2;
        Sql(_harness, "DELETE FROM audit_entries WHERE seq = $seq", ("$seq", middle));

        var (code, _, error) = await VerifyAsync(_harness, await ExportAsync(_harness, "deleted.ndjson"), _jwks);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"entry_missing at {middle}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesARowTheGatewayCannotRead_AndTheExportStillCompletes()
    {
        var middle = EntryCount(_harness) / 2;
        Sql(_harness, "UPDATE audit_entries SET prev_hash = 'text, not a hash' WHERE seq = $seq", ("$seq", middle));

        var export = await ExportAsync(_harness, "unreadable.ndjson");
        var (code, _, error) = await VerifyAsync(_harness, export, _jwks);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"malformed_entry at {middle}:", error, StringComparison.Ordinal);
        Assert.Equal(EntryCount(_harness) + 2, (await File.ReadAllLinesAsync(export, Ct)).Length); // every row, header and checkpoint

        using var browse = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/audit/entries", _harness.TokenFor("auditor")), Ct);
        await ProblemAssert.IsProblemAsync(browse, HttpStatusCode.ServiceUnavailable, "audit_corrupt");
    }

    [Fact]
    public async Task Verify_NamesTheFirstSwappedEntry_WhenTwoRowsSwapSeq()
    {
        var middle = EntryCount(_harness) / 2;
        Sql(_harness, """
            UPDATE audit_entries SET seq = -1 WHERE seq = $a;
            UPDATE audit_entries SET seq = $a WHERE seq = $b;
            UPDATE audit_entries SET seq = $b WHERE seq = -1;
            """, ("$a", middle), ("$b", middle + 1));

        var (code, _, error) = await VerifyAsync(_harness, await ExportAsync(_harness, "swapped.ndjson"), _jwks);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"leaf_mismatch at {middle}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesTheDuplicate_WhenARowIsCopied()
    {
        var middle = EntryCount(_harness) / 2;
        // The attacker rebuilds the table without its PRIMARY KEY and UNIQUE(prev_hash), then copies a row.
        Sql(_harness, """
            CREATE TABLE copy AS SELECT * FROM audit_entries;
            DROP TABLE audit_entries;
            ALTER TABLE copy RENAME TO audit_entries;
            INSERT INTO audit_entries SELECT * FROM audit_entries WHERE seq = $seq;
            """, ("$seq", middle));

        var (code, _, error) = await VerifyAsync(_harness, await ExportAsync(_harness, "duplicated.ndjson"), _jwks);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"entry_out_of_order at {middle + 1}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesTheChangedEntry_EvenWhenTheHashChainAfterItWasRecomputed()
    {
        // Without the key, an attacker can still redo the unkeyed chain: change entry m, then rehash m..end.
        var rows = Entries(await ExportAsync(_harness, "original.ndjson"));
        var changed = rows.Count / 2;
        var previous = rows[changed].PreviousHash;
        for (var i = changed; i < rows.Count; i++)
        {
            var entry = i == changed ? rows[i].Entry with { Decision = "denied" } : rows[i].Entry;
            var hash = AuditLeafEncoding.EntryHash(previous, i, rows[i].Timestamp.ToUnixTimeMilliseconds(), entry);
            Sql(_harness, "UPDATE audit_entries SET decision = $d, prev_hash = $p, entry_hash = $h WHERE seq = $seq",
                ("$d", entry.Decision), ("$p", previous), ("$h", hash), ("$seq", (long)i));
            previous = hash;
        }

        var (code, _, error) = await VerifyAsync(_harness, await ExportAsync(_harness, "rechained.ndjson"), _jwks);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"leaf_mismatch at {changed}:", error, StringComparison.Ordinal);
        Assert.Contains("signed tree", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SaysTruncated_WhenTheTailIsCutAfterACheckpointWasSaved()
    {
        var saved = await SaveCheckpointAsync(_harness, "saved.checkpoint");
        var size = (await GetJsonAsync(_harness, "/v1/audit/tree-head")).GetProperty("treeSize").GetInt64();
        Sql(_harness, "DELETE FROM audit_entries WHERE seq >= $cut", ("$cut", size - 3));

        // Rows deleted under the published tree: the export's own checkpoint already exposes it.
        var export = await ExportAsync(_harness, "truncated.ndjson");
        var (code, _, error) = await VerifyAsync(_harness, export, _jwks, saved);
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($"log_truncated at {size - 3}:", error, StringComparison.Ordinal);

        // The operator goes further: rebuilds the shorter log and re-signs it. Only the saved checkpoint sees it.
        var forged = Forge(_harness, "truncated-resigned.ndjson", Entries(export));
        Assert.Equal(ExitCodes.Success, (await VerifyAsync(_harness, forged, _jwks)).Code);
        var withSaved = await VerifyAsync(_harness, forged, _jwks, saved);
        Assert.Equal(ExitCodes.Refused, withSaved.Code);
        Assert.Contains("log_truncated:", withSaved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DetectsARewriteResignedWithTheOperatorKey_OnlyAgainstTheSavedCheckpoint()
    {
        var saved = await SaveCheckpointAsync(_harness, "auditor-a.checkpoint");
        await TrafficAsync(_harness, 2, firstSubject: 140);
        var entries = Entries(await ExportAsync(_harness, "before.ndjson"));
        var victim = 2;
        entries[victim] = entries[victim] with { Entry = entries[victim].Entry with { Decision = "denied", Reason = "consent_required" } };

        var rewritten = Forge(_harness, "rewritten.ndjson", entries);

        var alone = await VerifyAsync(_harness, rewritten, _jwks);
        Assert.True(alone.Code == ExitCodes.Success, alone.Error); // internally perfect, validly signed
        var (code, _, error) = await VerifyAsync(_harness, rewritten, _jwks, saved);
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("inconsistent_with_saved_checkpoint", error, StringComparison.Ordinal);
        Assert.Contains("inconsistent with saved checkpoint", error, StringComparison.Ordinal);

        // The honest log still extends what auditor A saw.
        Assert.Equal(ExitCodes.Success, (await VerifyAsync(_harness, await ExportAsync(_harness, "honest.ndjson"), _jwks, saved)).Code);

        // A range that starts after the saved size cannot be compared with it, and says so rather than passing.
        var savedSize = long.Parse((await File.ReadAllLinesAsync(saved, Ct))[1], System.Globalization.CultureInfo.InvariantCulture);
        var later = await VerifyAsync(_harness, await ExportAsync(_harness, "later.ndjson", from: savedSize + 1), _jwks, saved);
        Assert.Equal(ExitCodes.Refused, later.Code);
        Assert.Contains("checkpoint_not_covered", later.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointSave_KeepsTheSavedCheckpoint_WhenTheNewOneDoesNotExtendIt()
    {
        var path = await SaveCheckpointAsync(_harness, "kept.checkpoint");
        await TrafficAsync(_harness, 1, firstSubject: 150);
        var (extended, output, _) = await DgAsync(_harness, "checkpoint", "save", "--out", path);
        Assert.Equal(ExitCodes.Success, extended);
        Assert.Contains("consistent with the previous one", output, StringComparison.Ordinal);

        var size = (await GetJsonAsync(_harness, "/v1/audit/tree-head")).GetProperty("treeSize").GetInt64();
        foreach (var (forgedSize, reason) in new[] { (size + 5, "log_truncated"), (size - 1, "inconsistent_with_saved_checkpoint") })
        {
            var forgedNote = SignedNote(forgedSize, Enumerable.Repeat((byte)7, 32).ToArray());
            await File.WriteAllTextAsync(path, forgedNote, Ct);

            var (code, _, error) = await DgAsync(_harness, "checkpoint", "save", "--out", path);

            Assert.Equal(ExitCodes.Refused, code);
            Assert.Contains(reason, error, StringComparison.Ordinal);
            Assert.Equal(forgedNote, await File.ReadAllTextAsync(path, Ct)); // never overwritten
        }
    }

    [Fact]
    public async Task HostileContent_RoundTripsThroughExportAndVerify_WithoutTouchingOtherEntries()
    {
        // A11: CR/LF, a forged NDJSON line, NUL, ANSI and bidi controls in the token subject (logged as actor).
        const string hostile = "evil\r\n{\"type\":\"entry\",\"index\":0}\n\0\u001b[2J\u202Etxt.exe\u202C";
        var token = DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(1), TimeProvider.System, subject: hostile);
        var body = new { subject = GroundTruth.All[160].Uscc, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } };
        using (var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, token), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A 1 MB value cannot arrive over HTTP (header limits); it is appended as the gateway would, and capped.
        var log = (IAuditLog)_harness.GatewayServices.GetService(typeof(IAuditLog))!;
        var huge = new string('A', 1024 * 1024) + "\n}";
        await log.AppendAsync(new AuditEntry { Actor = huge, Role = "institution", Kind = "verification", Decision = "denied", Reason = "invalid_request", ClientRequestId = huge }, Ct);
        await TrafficAsync(_harness, 1, firstSubject: 161);

        var export = await ExportAsync(_harness, "hostile.ndjson");
        var (code, _, error) = await VerifyAsync(_harness, export, _jwks);
        Assert.True(code == ExitCodes.Success, error);

        var lines = await File.ReadAllLinesAsync(export, Ct);
        var entries = Entries(export);
        Assert.Equal(entries.Count + 2, lines.Length); // one line per entry: nothing was split or forged
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), entries.Select(e => e.Index));
        Assert.Contains(entries, e => e.Entry.Actor == hostile);
        var capped = Assert.Single(entries, e => e.Entry.Actor.StartsWith("AAAA", StringComparison.Ordinal));
        Assert.True(capped.Entry.Actor.Length <= 256);
        Assert.All(lines, l => Assert.All(l, c => Assert.InRange(c, ' ', '~')));
        var after = entries[(int)capped.Index + 1];
        Assert.DoesNotContain("AAAA", after.Entry.Actor, StringComparison.Ordinal);
    }
}

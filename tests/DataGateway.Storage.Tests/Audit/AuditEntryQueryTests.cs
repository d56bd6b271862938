using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>Filtered, cursor-paged reads and chunked range reads, checked against a plain LINQ model of the log.</summary>
public sealed class AuditEntryQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private SqliteAuditLog _log = null!;
    private List<StoredAuditEntry> _all = null!;

    private static CancellationToken Ct => TempDatabase.Ct;

    public async ValueTask InitializeAsync()
    {
        var time = new FakeTimeProvider(Start);
        _log = await _db.OpenAsync(time);
        for (var i = 0; i < 60; i++)
        {
            await _log.AppendAsync(Varied(i), Ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        _all = await _db.ReadAllAsync(_log);
    }

    public async ValueTask DisposeAsync()
    {
        await _log.DisposeAsync();
        _db.Dispose();
    }

    public static TheoryData<string> Filters => ["institution", "subject", "kind", "decision", "time", "index", "combined", "none"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ReadFilteredAsync_ReturnsExactlyTheMatchingEntriesInOrder_AcrossCursorPages(string which)
    {
        var (filter, predicate) = FilterFor(which);
        var expected = _all.Where(predicate).Select(e => e.Index).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < _all.Count || which == "none");

        var seen = new List<long>();
        long? after = null;
        for (var page = 0; page < 100; page++)
        {
            var rows = await ReadAsync(filter with { AfterIndex = after, Limit = 7 });
            seen.AddRange(rows.Select(r => r.Index));
            if (rows.Count < 7)
            {
                break;
            }

            // The cursor the API hands out round-trips to the same position.
            Assert.True(AuditCursor.TryDecode(AuditCursor.Encode(rows[^1].Index), out var decoded));
            after = decoded;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ReadFilteredAsync_ReturnsCompleteStoredRows()
    {
        var row = Assert.Single(await ReadAsync(new AuditEntryFilter { FromIndex = 17, ToIndex = 18 }));

        Assert.Equal(_all[17].Index, row.Index);
        Assert.Equal(_all[17].Timestamp, row.Timestamp);
        Assert.True(Some.SameEntry(_all[17].Entry, row.Entry));
        Assert.Equal(_all[17].EntryHash, row.EntryHash);
        Assert.Equal(_all[17].PreviousHash, row.PreviousHash);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AuditEntryFilter.MaxLimit + 1)]
    public void ReadFilteredAsync_RefusesALimitOutsideOneToMax(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _log.ReadFilteredAsync(new AuditEntryFilter { Limit = limit }, Ct));
    }

    [Fact]
    public async Task ReadFilteredAsync_TreatsFilterValuesAsData_NotSql()
    {
        var rows = await ReadAsync(new AuditEntryFilter { Institution = "bank-001' OR '1'='1" });

        Assert.Empty(rows);
    }

    [Theory]
    [InlineData(0, 60, 7)]
    [InlineData(5, 41, 3)]
    [InlineData(13, 14, 1000)]
    [InlineData(20, 20, 4)]
    [InlineData(50, 999, 8)]
    public async Task ReadRangeInChunksAsync_CoversTheRangeExactly_InBoundedChunks(long from, long to, int chunkSize)
    {
        var indexes = new List<long>();
        await foreach (var chunk in _log.ReadRangeInChunksAsync(from, to, chunkSize, Ct))
        {
            Assert.InRange(chunk.Count, 1, chunkSize);
            indexes.AddRange(chunk.Select(r => r.Index));
        }

        var end = Math.Min(to, _all.Count);
        Assert.Equal(Enumerable.Range((int)from, (int)Math.Max(0, end - from)).Select(i => (long)i), indexes);
    }

    [Fact]
    public async Task ReadRangeInChunksAsync_PassesGapsThrough_ForTheVerifierToName()
    {
        using (var raw = _db.OpenRaw())
        using (var delete = raw.CreateCommand())
        {
            delete.CommandText = "DELETE FROM audit_entries WHERE seq = 9";
            Assert.Equal(1, delete.ExecuteNonQuery());
        }

        var indexes = new List<long>();
        await foreach (var chunk in _log.ReadRangeInChunksAsync(7, 12, 2, Ct))
        {
            indexes.AddRange(chunk.Select(r => r.Index));
        }

        Assert.Equal([7L, 8, 10, 11], indexes);
    }

    [Theory]
    [InlineData("prev_hash = 'not a blob'")]
    [InlineData("predicates = 'not json'")]
    public async Task ReadRangeInChunksAsync_MarksAnUnreadableRow_AndReadsOnPastIt(string damage)
    {
        using (var raw = _db.OpenRaw())
        using (var update = raw.CreateCommand())
        {
            update.CommandText = $"UPDATE audit_entries SET {damage} WHERE seq = 29";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var rows = new List<AuditExportRow>();
        await foreach (var chunk in _log.ReadRangeInChunksAsync(25, 35, 3, Ct))
        {
            rows.AddRange(chunk);
        }

        Assert.Equal(Enumerable.Range(25, 10).Select(i => (long)i), rows.Select(r => r.Index));
        Assert.Equal([29L], rows.Where(r => r.Stored is null).Select(r => r.Index));
    }

    [Fact]
    public void RangeProof_SeedsAFrontierWhoseRootIsConsistentWithTheCheckpoint_ForEveryRange()
    {
        var leaves = _all.Select(r => AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(r.Index, r.Timestamp.ToUnixTimeMilliseconds(), r.Entry))).ToArray();
        var size = _log.ReadTree(tree => tree.Size);
        var root = _log.ReadTree(tree => tree.Root(size));
        for (var from = 0; from <= size; from += 3)
        {
            for (var to = from; to <= size; to += 5)
            {
                var proof = _log.ReadTree(tree => AuditRangeProof.Read(tree, from, to, size));
                var frontier = Seed(from, proof.LeftSubtrees);
                for (var i = from; i < to; i++)
                {
                    frontier.Append(leaves[i]);
                }

                Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(to, size, frontier.Root(), root, proof.Consistency));
            }
        }
    }

    [Fact]
    public void RangeProof_FailsTheConsistencyCheck_WhenALeftSubtreeIsWrong()
    {
        var size = _log.ReadTree(tree => tree.Size);
        var root = _log.ReadTree(tree => tree.Root(size));
        var proof = _log.ReadTree(tree => AuditRangeProof.Read(tree, 22, 40, size));
        var wrong = proof.LeftSubtrees.Select(h => h.ToArray()).ToArray();
        wrong[^1][0] ^= 1;
        var frontier = Seed(22, wrong);
        foreach (var r in _all.Skip(22).Take(18))
        {
            frontier.Append(AuditLeafEncoding.LeafHash(AuditLeafEncoding.Encode(r.Index, r.Timestamp.ToUnixTimeMilliseconds(), r.Entry)));
        }

        Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(40, size, frontier.Root(), root, proof.Consistency));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1234567L)]
    [InlineData(long.MaxValue)]
    public void Cursor_RoundTrips(long index)
    {
        Assert.True(AuditCursor.TryDecode(AuditCursor.Encode(index), out var decoded));
        Assert.Equal(index, decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("AAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAB")] // non-zero padding bits: a second spelling of index 0
    [InlineData("gAAAAAAAAAA")] // negative
    [InlineData("AAAAAAAAAA!")]
    [InlineData("AAAAAAAAAAAAAA")]
    public void Cursor_RefusesAnythingItDidNotWrite(string? cursor)
    {
        Assert.False(AuditCursor.TryDecode(cursor, out _));
    }

    private static MerkleFrontier Seed(long from, byte[][] left)
    {
        return MerkleFrontier.Load(new FixedNodes(from, left), from);
    }

    private async Task<List<StoredAuditEntry>> ReadAsync(AuditEntryFilter filter)
    {
        var rows = new List<StoredAuditEntry>();
        await foreach (var row in _log.ReadFilteredAsync(filter, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private (AuditEntryFilter Filter, Func<StoredAuditEntry, bool> Predicate) FilterFor(string which)
    {
        var t10 = Start.AddSeconds(10);
        var t30 = Start.AddSeconds(30);
        return which switch
        {
            "institution" => (new AuditEntryFilter { Institution = "bank-002" }, e => e.Entry.Institution == "bank-002"),
            "subject" => (new AuditEntryFilter { Subject = "S3" }, e => e.Entry.Subject == "S3"),
            "kind" => (new AuditEntryFilter { Kind = "consent.grant" }, e => e.Entry.Kind == "consent.grant"),
            "decision" => (new AuditEntryFilter { Decision = "denied" }, e => e.Entry.Decision == "denied"),
            "time" => (new AuditEntryFilter { FromTime = t10, ToTime = t30 }, e => e.Timestamp >= t10 && e.Timestamp < t30),
            "index" => (new AuditEntryFilter { FromIndex = 5, ToIndex = 44 }, e => e.Index is >= 5 and < 44),
            "combined" => (new AuditEntryFilter { Institution = "bank-002", Decision = "allowed", FromIndex = 3, ToTime = Start.AddSeconds(50) },
                e => e.Entry.Institution == "bank-002" && e.Entry.Decision == "allowed" && e.Index >= 3 && e.Timestamp < Start.AddSeconds(50)),
            _ => (new AuditEntryFilter(), _ => true),
        };
    }

    private static AuditEntry Varied(int i) => Some.Entry(i) with
    {
        Institution = i % 4 == 0 ? null : $"bank-00{1 + (i % 3)}",
        Subject = $"S{i % 5}",
        Kind = i % 6 == 0 ? "consent.grant" : "verification",
    };

    private sealed class FixedNodes(long size, byte[][] left) : IMerkleNodeSource
    {
        public long Size => size;

        public byte[] GetNode(int level, long index)
        {
            var position = 0;
            for (var l = 62; l > level; l--)
            {
                position += (int)((size >> l) & 1);
            }

            return left[position];
        }
    }
}

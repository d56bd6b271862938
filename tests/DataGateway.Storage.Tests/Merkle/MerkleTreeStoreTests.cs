using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Tests.Merkle;

/// <summary>The SQLite store: nodes written in the caller's transaction, proofs served from stored nodes.</summary>
public sealed class MerkleTreeStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-merkle-" + Guid.NewGuid().ToString("N"));
    private readonly byte[][] _leaves = NaiveMerkle.LeafHashes(300, seed: 7);

    public MerkleTreeStoreTests() => Directory.CreateDirectory(_directory);

    private static CancellationToken TempCt => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    [Fact]
    public void Append_ServesTheSameRootsAndProofsAsMemory_AfterBatchedCommits()
    {
        using var connection = Open();
        using (var store = MerkleTreeStore.Open(connection))
        {
            // Uneven batches, like group commits.
            var offset = 0;
            foreach (var batch in new[] { 1, 2, 5, 64, 100, 128 })
            {
                AppendCommitted(connection, store, _leaves[offset..(offset + batch)]);
                offset += batch;
                Assert.Equal(offset, store.Size);
                Assert.Equal(NaiveMerkle.Mth(_leaves, 0, offset), store.Root());
            }
        }

        var memory = Memory(300);
        using var reader = new MerkleTreeReader(connection);
        Assert.Equal(300, reader.Size);
        foreach (var (index, size) in new[] { (0L, 1L), (5L, 6L), (17L, 300L), (299L, 300L), (128L, 129L) })
        {
            var proof = reader.Inclusion(index, size);
            Assert.Equal(_leaves[index], proof.LeafHash);
            Assert.Equal(MerkleProofs.Inclusion(memory, index, size), proof.Path);
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(index, size, proof.LeafHash, proof.Path, reader.Root(size)));
        }

        foreach (var (first, second) in new[] { (1L, 300L), (7L, 8L), (100L, 257L), (300L, 300L) })
        {
            var proof = reader.Consistency(first, second);
            Assert.Equal(MerkleProofs.Consistency(memory, first, second), proof.Path);
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(first, second, reader.Root(first), reader.Root(second), proof.Path));
        }
    }

    [Fact]
    public void Append_StoresExactlyEveryCompleteSubtree_AsTheMemoryTreeHoldsIt()
    {
        using var connection = Open();
        using (var store = MerkleTreeStore.Open(connection))
        {
            AppendCommitted(connection, store, _leaves[..150]);
            AppendCommitted(connection, store, _leaves[150..]);
        }

        var memory = Memory(300);
        var rows = 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows++;
            Assert.Equal(memory.GetNode(reader.GetInt32(0), reader.GetInt64(1)), (byte[])reader.GetValue(2));
        }

        // n leaves close exactly n - popcount(n) interior subtrees: 300 + 296 rows.
        Assert.Equal(300 + 300 - System.Numerics.BitOperations.PopCount(300), rows);
    }

    [Fact]
    public async Task Reader_ServesVerifiableProofs_WhileTheWriterAppendsUnderWal()
    {
        var leaves = NaiveMerkle.LeafHashes(2000, seed: 11);
        using var writerConnection = Open();
        Execute(writerConnection, "PRAGMA journal_mode=WAL;");
        using var store = MerkleTreeStore.Open(writerConnection);
        AppendCommitted(writerConnection, store, leaves[..1]);
        var writer = Task.Run(() =>
        {
            for (var offset = 1; offset < leaves.Length; offset += 50)
            {
                AppendCommitted(writerConnection, store, leaves[offset..Math.Min(offset + 50, leaves.Length)]);
            }
        }, TempCt);

        var checkedProofs = 0;
        while (!writer.IsCompleted || checkedProofs == 0)
        {
            using var connection = Open();
            using var reader = new MerkleTreeReader(connection);
            var size = reader.Size;
            var index = checkedProofs % size;
            var proof = reader.Inclusion(index, size);
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(index, size, leaves[index], proof.Path, NaiveMerkle.Mth(leaves, 0, (int)size)));
            checkedProofs++;
        }

        await writer;
        Assert.True(checkedProofs > 0);
    }

    [Fact]
    public void Open_ReloadsTheCommittedFrontier_WhenReopened()
    {
        using (var connection = Open())
        using (var store = MerkleTreeStore.Open(connection))
        {
            AppendCommitted(connection, store, _leaves[..77]);
        }

        using (var connection = Open())
        using (var store = MerkleTreeStore.Open(connection))
        {
            Assert.Equal(77, store.Size);
            AppendCommitted(connection, store, _leaves[77..]);
            Assert.Equal(NaiveMerkle.Root(_leaves), store.Root());
        }
    }

    [Fact]
    public void MarkStale_ReloadsFromDisk_WhenTheTransactionRolledBack()
    {
        using var connection = Open();
        using var store = MerkleTreeStore.Open(connection);
        AppendCommitted(connection, store, _leaves[..10]);

        using (var transaction = connection.BeginTransaction())
        {
            var staged = store.Append(transaction, _leaves[10..20]);
            Assert.Equal(20, staged.Size);
            transaction.Rollback();
        }

        store.MarkStale();
        Assert.Equal(10, store.Size);
        AppendCommitted(connection, store, _leaves[10..11]);
        Assert.Equal(NaiveMerkle.Mth(_leaves, 0, 11), store.Root());
        using var reader = new MerkleTreeReader(connection);
        Assert.Equal(11, reader.Size);
    }

    [Fact]
    public void Commit_Refuses_WhenTheStagedAppendDoesNotExtendTheCommittedTree()
    {
        using var connection = Open();
        using var store = MerkleTreeStore.Open(connection);
        MerkleAppend first;
        using (var transaction = connection.BeginTransaction())
        {
            first = store.Append(transaction, _leaves[..3]);
            transaction.Commit();
        }

        store.Commit(first);
        Assert.Throws<InvalidOperationException>(() => store.Commit(first));
    }

    [Fact]
    public void Append_WritesNodesInPostOrder_SoEveryCommitOnlyExtendsTheTable()
    {
        using var connection = Open();
        using (var store = MerkleTreeStore.Open(connection))
        {
            foreach (var batch in new[] { _leaves[..1], _leaves[1..3], _leaves[3..77], _leaves[77..] })
            {
                var before = MaxPosition(connection);
                AppendCommitted(connection, store, batch);
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT MIN(pos) FROM merkle_nodes WHERE pos > $before";
                command.Parameters.AddWithValue("$before", before);
                Assert.Equal(before + 1, (long)command.ExecuteScalar()!);
            }
        }

        // Positions are dense from 0 in completion order: row k is the k-th subtree the frontier closed.
        var completed = new List<(int Level, long Index)>();
        var frontier = new MerkleFrontier();
        foreach (var leaf in _leaves)
        {
            frontier.Append(leaf, (level, index, _) => completed.Add((level, index)));
        }

        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT pos, level, idx FROM merkle_nodes ORDER BY pos";
        using var reader = rows.ExecuteReader();
        var k = 0;
        while (reader.Read())
        {
            Assert.Equal(k, reader.GetInt64(0));
            Assert.Equal(completed[k], (reader.GetInt32(1), reader.GetInt64(2)));
            Assert.Equal(k, MerkleSchema.Position(completed[k].Level, completed[k].Index));
            k++;
        }

        Assert.Equal(completed.Count, k);
    }

    [Fact]
    public void Open_DropsATreeOfTheEarlierLevelIndexLayout_SoTheWriterRebuildsIt()
    {
        using var connection = Open();
        Execute(connection, "CREATE TABLE merkle_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID");
        Execute(connection, "INSERT INTO merkle_nodes VALUES (0, 0, x'00'), (0, 1, x'01'), (1, 0, x'02')");

        using var store = MerkleTreeStore.Open(connection);

        Assert.Equal(0, store.Size);
        AppendCommitted(connection, store, _leaves[..5]);
        Assert.Equal(NaiveMerkle.Mth(_leaves, 0, 5), store.Root());
    }

    [Theory]
    [InlineData("UPDATE merkle_nodes SET level = 1 WHERE pos = (SELECT MAX(pos) FROM merkle_nodes)")]
    [InlineData("UPDATE merkle_nodes SET idx = idx + 1 WHERE pos = (SELECT MAX(pos) FROM merkle_nodes)")]
    [InlineData("UPDATE merkle_nodes SET pos = pos + 1 WHERE pos = (SELECT MAX(pos) FROM merkle_nodes)")]
    [InlineData("UPDATE merkle_nodes SET level = 70 WHERE pos = (SELECT MAX(pos) FROM merkle_nodes)")]
    public void Open_ReportsCorruption_WhenTheLastNodesPositionDisagreesWithItsLevelAndIndex(string tamper)
    {
        using var connection = Open();
        using (var store = MerkleTreeStore.Open(connection))
        {
            AppendCommitted(connection, store, _leaves[..12]);
        }

        Execute(connection, tamper);

        Assert.Throws<AuditCorruptException>(() => MerkleTreeStore.Open(connection));
        Assert.Throws<AuditCorruptException>(() => new MerkleTreeReader(connection));
    }

    [Fact]
    public void Reader_RefusesSizesBeyondTheStoredTree_AndReportsTamperedNodesAsCorrupt()
    {
        using var connection = Open();
        using (var store = MerkleTreeStore.Open(connection))
        {
            AppendCommitted(connection, store, _leaves[..8]);
        }

        using (var reader = new MerkleTreeReader(connection))
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => reader.Inclusion(8, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => reader.Inclusion(0, 9));
            Assert.Throws<ArgumentOutOfRangeException>(() => reader.Consistency(3, 9));
            Assert.Throws<ArgumentOutOfRangeException>(() => reader.Root(-1));
        }

        Execute(connection, "DELETE FROM merkle_nodes WHERE level = 1 AND idx = 0");
        Execute(connection, "UPDATE merkle_nodes SET hash = x'00' WHERE level = 0 AND idx = 6");
        Execute(connection, "DELETE FROM merkle_nodes WHERE level = 3 AND idx = 0");
        using (var reader = new MerkleTreeReader(connection))
        {
            Assert.Throws<AuditCorruptException>(() => reader.Inclusion(3, 8));
            Assert.Throws<AuditCorruptException>(() => reader.Root(7));
            Assert.Throws<AuditCorruptException>(() => MerkleTreeStore.Open(connection));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static void AppendCommitted(SqliteConnection connection, MerkleTreeStore store, byte[][] leaves)
    {
        using var transaction = connection.BeginTransaction();
        var staged = store.Append(transaction, leaves);
        transaction.Commit();
        store.Commit(staged);
    }

    private static long MaxPosition(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(pos), -1) FROM merkle_nodes";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private MemoryMerkleTree Memory(int count)
    {
        var tree = new MemoryMerkleTree();
        foreach (var h in _leaves.Take(count))
        {
            tree.Append(h);
        }

        return tree;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

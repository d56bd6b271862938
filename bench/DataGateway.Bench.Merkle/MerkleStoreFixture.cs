using System.Security.Cryptography;
using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Merkle;
using Microsoft.Data.Sqlite;

namespace DataGateway.Bench.Merkle;

/// <summary>A temporary SQLite file holding a Merkle tree of <see cref="Size"/> leaves, built once per benchmark process.</summary>
internal sealed class MerkleStoreFixture : IDisposable
{
    private const int BatchSize = 10_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-merkle-bench-" + Guid.NewGuid().ToString("N")[..8]);

    public MerkleStoreFixture(int size)
    {
        Size = size;
        Directory.CreateDirectory(_directory);
        using var connection = Open(SqliteOpenMode.ReadWriteCreate);
        using (var pragma = connection.CreateCommand())
        {
            // Same journal mode as the audit log; the bench measures reads, so setup durability is irrelevant.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        using var store = MerkleTreeStore.Open(connection);
        var batch = new byte[BatchSize][];
        for (var start = 0; start < size; start += BatchSize)
        {
            var count = Math.Min(BatchSize, size - start);
            for (var i = 0; i < count; i++)
            {
                batch[i] = LeafHash(start + i);
            }

            using var transaction = connection.BeginTransaction();
            var staged = store.Append(transaction, count == BatchSize ? batch : batch[..count]);
            transaction.Commit();
            store.Commit(staged);
        }

        Root = store.Root();
    }

    public int Size { get; }

    public byte[] Root { get; }

    public string DatabasePath => Path.Combine(_directory, "audit.db");

    public static byte[] LeafHash(int i) => MerkleHash.Leaf(BitConverter.GetBytes(i));

    public SqliteConnection Open(SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static long[] RandomPositions(int count, long maxExclusive)
    {
        var positions = new long[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = RandomNumberGenerator.GetInt32((int)maxExclusive);
        }

        return positions;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the run.
        }
    }
}

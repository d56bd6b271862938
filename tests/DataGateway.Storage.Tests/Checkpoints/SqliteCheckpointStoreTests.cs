using DataGateway.Storage.Checkpoints;

namespace DataGateway.Storage.Tests.Checkpoints;

/// <summary>RELIABILITY.md C2 in process: a checkpoint write is one transaction, so it lands whole or not at all.</summary>
public sealed class SqliteCheckpointStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-tests", "checkpoints-" + Guid.NewGuid().ToString("N")[..8]);

    public SqliteCheckpointStoreTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Append_LeavesTheOldCheckpoint_WhenTheWriteFailsBetweenInsertAndCommit()
    {
        using (var store = SqliteCheckpointStore.Open(DatabasePath, TimeSpan.FromSeconds(1)))
        {
            store.Append(Checkpoint(3));
            Assert.ThrowsAny<InvalidOperationException>(() => store.Append(Checkpoint(5), step =>
            {
                Assert.Equal(CheckpointWriteStep.Stored, step);
                Assert.Equal(5, store.Latest()!.TreeSize); // inside the transaction the row exists...
                throw new InvalidOperationException("crash");
            }));
            Assert.Equal(3, store.Latest()!.TreeSize); // ...and after the failure it never did
        }

        using var reopened = SqliteCheckpointStore.Open(DatabasePath, TimeSpan.FromSeconds(1));
        Assert.Equal(Checkpoint(3).Note, reopened.Latest()!.Note);
    }

    [Fact]
    public void Append_RefusesASecondCheckpointForTheSameSize()
    {
        using var store = SqliteCheckpointStore.Open(DatabasePath, TimeSpan.FromSeconds(1));
        store.Append(Checkpoint(4));

        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => store.Append(Checkpoint(4) with { Note = "another note\n" }));
        Assert.Equal(Checkpoint(4).Note, store.Latest()!.Note);
    }

    private static StoredCheckpoint Checkpoint(long size) =>
        new(size, Enumerable.Repeat((byte)size, 32).ToArray(), $"origin\n{size}\nroot\n\n— sig\n", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + size));
}

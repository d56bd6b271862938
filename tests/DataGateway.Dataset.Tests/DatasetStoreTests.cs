using DataGateway.Dataset.Storage;

namespace DataGateway.Dataset.Tests;

public sealed class DatasetStoreTests : IDisposable
{
    private readonly string _directory = TestData.NewTempDirectory();

    [Fact]
    public void TryGet_ReturnsTheGeneratedRecord_AfterWriteAndReopen()
    {
        var progress = new List<DatasetProgress>();
        DatasetWriter.Write(_directory, TestData.Spec(2_000), TestData.Hmac, new SynchronousProgress(progress), TestContext.Current.CancellationToken);
        var generated = TestData.Generate(2_000);

        using var store = SqliteEnterpriseStore.Open(_directory);

        Assert.Equal(2_000, store.Count);
        Assert.Equal(TestData.AsOf, store.AsOf);
        foreach (var expected in generated)
        {
            Assert.True(store.TryGet(expected.Uscc, out var actual));
            Assert.Equal(TestData.Snapshot(expected), TestData.Snapshot(actual));
        }
    }

    [Fact]
    public void Write_ReportsProgressUpToTheTotal()
    {
        var progress = new List<DatasetProgress>();

        DatasetWriter.Write(_directory, TestData.Spec(25_000), TestData.Hmac, new SynchronousProgress(progress), TestContext.Current.CancellationToken);

        Assert.Equal(new DatasetProgress(25_000, 25_000), progress[^1]);
        Assert.True(progress.Count >= 3);
        Assert.Equal(progress.Select(p => p.Done).Order(), progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(25_000, p.Total));
    }

    [Fact]
    public void Write_LeavesOnlyTheFinishedFile_AndReplacesAnOlderDataset()
    {
        DatasetWriter.Write(_directory, TestData.Spec(100, seed: 1), TestData.Hmac, cancellationToken: TestContext.Current.CancellationToken);
        DatasetWriter.Write(_directory, TestData.Spec(300, seed: 2), TestData.Hmac, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([DatasetWriter.FileName], Directory.GetFiles(_directory).Select(Path.GetFileName));
        using var store = SqliteEnterpriseStore.Open(_directory);
        Assert.Equal(300, store.Count);
    }

    [Fact]
    public void Write_LeavesNoDataset_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            DatasetWriter.Write(_directory, TestData.Spec(30_000), TestData.Hmac, progress, cancellation.Token));

        Assert.Empty(Directory.GetFiles(_directory));
        Assert.Throws<FileNotFoundException>(() => SqliteEnterpriseStore.Open(_directory));
    }

    [Fact]
    public void TryGet_ReturnsFalse_WhenTheSubjectIsUnknown()
    {
        DatasetWriter.Write(_directory, TestData.Spec(50), TestData.Hmac, cancellationToken: TestContext.Current.CancellationToken);
        using var store = SqliteEnterpriseStore.Open(_directory);

        Assert.False(store.TryGet(Core.Identifiers.Uscc.FromBody("91110108PDY99999").Value, out var record));
        Assert.Null(record);
    }

    [Fact]
    public void Subjects_ReturnsCodesInGenerationOrder()
    {
        DatasetWriter.Write(_directory, TestData.Spec(200), TestData.Hmac, cancellationToken: TestContext.Current.CancellationToken);
        using var store = SqliteEnterpriseStore.Open(_directory);

        Assert.Equal(TestData.Generate(200).Take(25).Select(r => r.Uscc), store.Subjects(25));
        Assert.Equal(200, store.Subjects(1_000).Count);
    }

    [Fact]
    public async Task TryGet_AnswersConsistently_WhenCalledConcurrently()
    {
        DatasetWriter.Write(_directory, TestData.Spec(500), TestData.Hmac, cancellationToken: TestContext.Current.CancellationToken);
        using var store = SqliteEnterpriseStore.Open(_directory);
        var subjects = store.Subjects(500);

        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(
            () =>
        {
            for (var i = 0; i < 500; i++)
            {
                var uscc = subjects[(i + (worker * 61)) % subjects.Count];
                Assert.True(store.TryGet(uscc, out var record));
                Assert.Equal(uscc, record.Uscc);
            }
        },
            TestContext.Current.CancellationToken));
        await Task.WhenAll(tasks);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class SynchronousProgress(List<DatasetProgress> sink) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => sink.Add(value);
    }

    private sealed class CallbackProgress(Action<DatasetProgress> callback) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => callback(value);
    }
}

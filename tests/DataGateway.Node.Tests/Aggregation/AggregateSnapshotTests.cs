using DataGateway.Core.Contracts;
using DataGateway.Node.Aggregation;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>The snapshot loads each column once, serves every later query from memory, and retries a failed load.</summary>
public sealed class AggregateSnapshotTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilter = new Dictionary<string, IReadOnlyList<string>>();

    [Fact]
    public async Task RunAsync_ReadsTheStoreOncePerColumn_WhenQueriesRepeat()
    {
        var records = RandomEnterprises.Generate(5, 300);
        var store = new CountingStore(records);
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(store)));

        for (var i = 0; i < 3; i++)
        {
            await computation.RunAsync(Plan("tax.paid12m"));
            await computation.RunAsync(Plan(null));
        }

        // One pass for the dimension columns, one for the measured field; none per query.
        Assert.Equal(2 * records.Length, store.Reads);
    }

    [Fact]
    public async Task RunAsync_LoadsAgain_AfterAFailedLoad()
    {
        var source = new FlakySource();
        var computation = new AggregateComputation(new AggregateSnapshot(source));

        // The first read fails the dimension columns, the third the measured column.
        await Assert.ThrowsAsync<IOException>(() => computation.RunAsync(Plan("tax.paid12m")));
        await Assert.ThrowsAsync<IOException>(() => computation.RunAsync(Plan("tax.paid12m")));
        var answer = await computation.RunAsync(Plan("tax.paid12m"));

        Assert.Equal(3, Assert.Single(answer.Groups).Count);
    }

    private static AggregatePlan Plan(string? field)
    {
        Assert.Null(AggregateValidator.TryPlan(new NodeAggregateRequest { Field = field, GroupBy = [], Filter = NoFilter, Lower = 0, Upper = 10 }, out var plan));
        return plan!;
    }

    /// <summary>Fails its first and third reads, as a store that is briefly unavailable.</summary>
    private sealed class FlakySource : IColumnSource
    {
        private int _reads;

        public DateOnly AsOf => Some.AsOf;

        public byte[][] ReadDimensions() => Interlocked.Increment(ref _reads) is 1 or 3
            ? throw new IOException("store unavailable")
            : [.. Core.Catalog.AggregateDimensions.All.Select(_ => new byte[3])];

        public (long[] Values, byte[]? Known) ReadField(string field) => Interlocked.Increment(ref _reads) is 1 or 3
            ? throw new IOException("store unavailable")
            : ([1, 2, 3], null);
    }
}

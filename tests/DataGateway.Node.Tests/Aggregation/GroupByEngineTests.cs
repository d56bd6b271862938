using DataGateway.Core.Catalog;
using DataGateway.Core.Contracts;
using DataGateway.Core.Records;
using DataGateway.Node.Aggregation;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>The columnar engine equals a naive LINQ group-by over the same records, for random queries.</summary>
public sealed class GroupByEngineTests
{
    private static readonly string?[] Fields =
        [null, "tax.paid12m", "penalties.count3y", "registration.capital", "tax.arrears", "registration.ageYears", "social.headcount"];

    private static readonly long[] Bounds = [long.MinValue, -5, 0, 1, 3, 50_000, 1_000_000, long.MaxValue];

    [Theory]
    [InlineData(1, 0, 20)]
    [InlineData(2, 1, 50)]
    [InlineData(3, 3_000, 300)]
    // Enough rows for two partitions, so the per-core totals are merged.
    [InlineData(4, 140_000, 12)]
    public async Task Run_EqualsTheLinqOracle_ForRandomQueries(int seed, int rows, int queries)
    {
        var records = RandomEnterprises.Generate(seed, rows);
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(new CountingStore(records))));
        var random = new Random(seed * 7919);
        for (var q = 0; q < queries; q++)
        {
            var request = RandomRequest(random);
            await AssertEqualsOracle(computation, records, request);
        }
    }

    [Fact]
    public async Task Run_ClampsEveryValueBeforeAdding_WhenValuesAreExtreme()
    {
        var records = new[] { With("A", long.MaxValue), With("B", long.MinValue), With("C", 7), With("D", null) };
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(new CountingStore(records))));

        var answer = await computation.RunAsync(Plan(new NodeAggregateRequest { Field = "tax.paid12m", GroupBy = [], Filter = Empty, Lower = -10, Upper = 10 }));

        var group = Assert.Single(answer.Groups);
        Assert.Empty(group.Key);
        Assert.Equal(3, group.Count);
        Assert.Equal((Int128)(10 - 10 + 7), group.ClampedSum);
    }

    [Fact]
    public async Task Run_SumsWithoutOverflow_WhenEveryValueIsLongMax()
    {
        var records = Enumerable.Range(0, 1000).Select(i => With("U" + i, long.MaxValue)).ToArray();
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(new CountingStore(records))));

        var answer = await computation.RunAsync(Plan(new NodeAggregateRequest { Field = "tax.paid12m", GroupBy = [], Filter = Empty, Lower = 0, Upper = long.MaxValue }));

        Assert.Equal((Int128)long.MaxValue * 1000, Assert.Single(answer.Groups).ClampedSum);
    }

    [Fact]
    public async Task Run_OmitsEmptyGroupsAndRowsWithUnknownKeys()
    {
        var records = new[] { With("A", 5, grade: "A"), With("B", 6, grade: null), With("C", 7, grade: "D") };
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(new CountingStore(records))));

        var answer = await computation.RunAsync(Plan(new NodeAggregateRequest { GroupBy = ["tax.grade"], Filter = Empty, Lower = 0, Upper = 0 }));

        Assert.Equal([["A"], ["D"]], answer.Groups.Select(g => g.Key.ToArray()));
        Assert.All(answer.Groups, g => Assert.Equal(1, g.Count));
        Assert.All(answer.Groups, g => Assert.Equal(Int128.Zero, g.ClampedSum));
        Assert.Equal("2025-01-01", answer.AsOf);
    }

    [Fact]
    public async Task Run_AnswersNoGroup_WhenAFilterKeepsNoValue()
    {
        var records = RandomEnterprises.Generate(9, 200);
        var computation = new AggregateComputation(new AggregateSnapshot(new RecordColumnSource(new CountingStore(records))));

        var answer = await computation.RunAsync(Plan(new NodeAggregateRequest { GroupBy = [], Filter = new Dictionary<string, IReadOnlyList<string>> { ["tax.grade"] = [] }, Lower = 0, Upper = 0 }));

        Assert.Empty(answer.Groups);
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Empty = new Dictionary<string, IReadOnlyList<string>>();

    private static async Task AssertEqualsOracle(AggregateComputation computation, EnterpriseRecord[] records, NodeAggregateRequest request)
    {
        var expected = AggregateOracle.Answer(records, request, Some.AsOf);
        var actual = await computation.RunAsync(Plan(request));
        Assert.Equal(expected, actual.Groups.Select(g => (string.Join("|", g.Key), g.Count, g.ClampedSum)).ToList());
    }

    private static AggregatePlan Plan(NodeAggregateRequest request)
    {
        Assert.Null(AggregateValidator.TryPlan(request, out var plan));
        return plan!;
    }

    private static NodeAggregateRequest RandomRequest(Random random)
    {
        var dimensions = AggregateDimensions.All.OrderBy(_ => random.Next()).ToList();
        var groupBy = dimensions.Take(random.Next(0, 4)).Select(d => d.Name).ToArray();
        var filter = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var d in dimensions.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
        {
            filter[d.Name] = d.Domain.Where(_ => random.Next(3) > 0).ToArray();
        }

        var a = Bounds[random.Next(Bounds.Length)];
        var b = Bounds[random.Next(Bounds.Length)];
        return new NodeAggregateRequest
        {
            Field = Fields[random.Next(Fields.Length)],
            GroupBy = groupBy,
            Filter = filter,
            Lower = long.Min(a, b),
            Upper = long.Max(a, b),
        };
    }

    private static EnterpriseRecord With(string uscc, long? taxPaid, string? grade = "B") => new()
    {
        Uscc = uscc,
        Division = "110108",
        Industry = "C",
        OrgForm = "LLC",
        Status = "ACTIVE",
        RegisteredOn = Some.AsOf.AddYears(-2),
        TaxGrade = grade,
        TaxPaid12m = taxPaid,
    };
}

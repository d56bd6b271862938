using DataGateway.Core.Scoring;
using DataGateway.Storage.Models;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Tests.Models;

/// <summary>Models are immutable, per institution, never reused after deletion, and durable across reopen.</summary>
public sealed class SqliteModelRegistryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "dg-models-" + Guid.NewGuid().ToString("N"), "models.db");
    private SqliteModelRegistry _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _registry = SqliteModelRegistry.Open(_path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task AddThenFind_RoundTripsEveryMember_AcrossReopen()
    {
        var model = Model("bank-001", "pd-v3");
        Assert.Equal(ModelAddResult.Added, await _registry.AddAsync(model, 10, Ct));
        await _registry.DisposeAsync();
        _registry = SqliteModelRegistry.Open(_path);

        var found = await _registry.FindAsync("bank-001", "pd-v3", Ct);

        Assert.NotNull(found);
        Assert.Equal(model.Features, found.Features);
        Assert.Equal(model.Weights, found.Weights);
        Assert.Equal((model.N, model.Scale, model.Bias, model.Commitment, model.RegisteredAt, model.RegisteredBy),
            (found.N, found.Scale, found.Bias, found.Commitment, found.RegisteredAt, found.RegisteredBy));
        Assert.False(found.IsDeleted);
    }

    [Fact]
    public async Task Add_ReturnsExists_AndKeepsTheFirst_WhenTheIdIsReusedWithAnotherWeight()
    {
        var first = Model("bank-001", "pd-v3");
        await _registry.AddAsync(first, 10, Ct);

        var mutated = first with { Weights = ["Ag", "Aw"] };
        Assert.Equal(ModelAddResult.Exists, await _registry.AddAsync(mutated, 10, Ct));

        Assert.Equal(first.Weights, (await _registry.FindAsync("bank-001", "pd-v3", Ct))!.Weights);
    }

    [Fact]
    public async Task Ids_AreScopedToTheInstitution()
    {
        await _registry.AddAsync(Model("bank-001", "pd-v3"), 10, Ct);

        Assert.Equal(ModelAddResult.Added, await _registry.AddAsync(Model("bank-002", "pd-v3"), 10, Ct));
        Assert.Null(await _registry.FindAsync("bank-003", "pd-v3", Ct));
        Assert.Single(await _registry.ListAsync("bank-002", Ct));
    }

    [Fact]
    public async Task Delete_MarksDeleted_AndTheIdIsNeverReusable()
    {
        await _registry.AddAsync(Model("bank-001", "pd-v3"), 10, Ct);

        Assert.True(await _registry.DeleteAsync("bank-001", "pd-v3", Now.AddHours(1), Ct));
        Assert.False(await _registry.DeleteAsync("bank-001", "pd-v3", Now.AddHours(2), Ct));

        var found = await _registry.FindAsync("bank-001", "pd-v3", Ct);
        Assert.Equal(Now.AddHours(1), found!.DeletedAt);
        Assert.Empty(await _registry.ListAsync("bank-001", Ct));
        Assert.Equal(ModelAddResult.Exists, await _registry.AddAsync(Model("bank-001", "pd-v3"), 10, Ct));
    }

    [Fact]
    public async Task Add_ReturnsLimitReached_AtTheCap_AndADeletionFreesASlot()
    {
        await _registry.AddAsync(Model("bank-001", "a"), 2, Ct);
        await _registry.AddAsync(Model("bank-001", "b"), 2, Ct);

        Assert.Equal(ModelAddResult.LimitReached, await _registry.AddAsync(Model("bank-001", "c"), 2, Ct));
        Assert.Null(await _registry.FindAsync("bank-001", "c", Ct));

        await _registry.DeleteAsync("bank-001", "a", Now, Ct);
        Assert.Equal(ModelAddResult.Added, await _registry.AddAsync(Model("bank-001", "c"), 2, Ct));
        Assert.Equal(["b", "c"], (await _registry.ListAsync("bank-001", Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task ConcurrentRegistrations_OfOneId_StoreExactlyOne()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => _registry.AddAsync(Model("bank-001", "race") with { Bias = "A" + (char)('g' + (i % 8)) }, 100, Ct), Ct)));

        Assert.Single(results, r => r == ModelAddResult.Added);
        Assert.Equal(15, results.Count(r => r == ModelAddResult.Exists));
    }

    [Fact]
    public async Task Open_UsesWalJournal()
    {
        await _registry.AddAsync(Model("bank-001", "pd-v3"), 10, Ct);
        using var raw = new SqliteConnection($"Data Source={_path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public void Commitment_ChangesWithEveryMember_AndIsNotAmbiguousAcrossBoundaries()
    {
        var baseline = ModelCommitment.Compute("nn", 1000, ["a", "b"], ["w1", "w2"], "b0");

        Assert.Equal(baseline, ModelCommitment.Compute("nn", 1000, ["a", "b"], ["w1", "w2"], "b0"));
        Assert.NotEqual(baseline, ModelCommitment.Compute("nm", 1000, ["a", "b"], ["w1", "w2"], "b0"));
        Assert.NotEqual(baseline, ModelCommitment.Compute("nn", 1001, ["a", "b"], ["w1", "w2"], "b0"));
        Assert.NotEqual(baseline, ModelCommitment.Compute("nn", 1000, ["b", "a"], ["w1", "w2"], "b0"));
        Assert.NotEqual(baseline, ModelCommitment.Compute("nn", 1000, ["a", "b"], ["w1", "w3"], "b0"));
        Assert.NotEqual(baseline, ModelCommitment.Compute("nn", 1000, ["a", "b"], ["w1", "w2"], "b1"));

        // Length prefixes: moving a boundary between members changes the commitment.
        Assert.NotEqual(
            ModelCommitment.Compute("nn", 1000, ["ab", "c"], ["w"], "b"),
            ModelCommitment.Compute("nn", 1000, ["a", "bc"], ["w"], "b"));
        Assert.NotEqual(
            ModelCommitment.Compute("nn", 1000, ["a", "b"], ["w"], "b"),
            ModelCommitment.Compute("nn", 1000, ["a"], ["b", "w"], "b"));
        Assert.True(ModelCommitment.Matches(baseline, baseline));
        Assert.False(ModelCommitment.Matches(baseline[..^1] + "A", baseline));
        Assert.False(ModelCommitment.Matches(null, baseline));
    }

    private static RegisteredModel Model(string institution, string id)
    {
        string[] features = ["tax.paid12m", "tax.grade=A"];
        string[] weights = ["Aw", "Ag"];
        return new RegisteredModel
        {
            Institution = institution,
            Id = id,
            N = "nnnn",
            Scale = 1_000_000,
            Features = features,
            Weights = weights,
            Bias = "Bg",
            Commitment = ModelCommitment.Compute("nnnn", 1_000_000, features, weights, "Bg"),
            RegisteredBy = "user-1",
            RegisteredAt = Now,
        };
    }
}

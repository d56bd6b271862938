using DataGateway.Storage.Consent;
using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Tests.Consent;

/// <summary>The registry keeps every grant, derives status, and every read sees the latest commit.</summary>
public sealed class SqliteConsentRegistryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "dg-consent-" + Guid.NewGuid().ToString("N"), "consent.db");
    private SqliteConsentRegistry _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _registry = SqliteConsentRegistry.Open(_path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    [Fact]
    public async Task AddThenFind_RoundTripsEveryMember_WhenGrantIsStored()
    {
        var grant = Grant("cns_a", maxQueries: 5) with { Purposes = ["pre-loan", "odd,purpose \"quoted\""] };
        await _registry.AddAsync(grant, Ct);

        var found = await _registry.FindAsync("cns_a", Ct);

        Assert.NotNull(found);
        Assert.Equal(grant.Purposes, found.Purposes);
        Assert.Equal(grant.Categories, found.Categories);
        Assert.Equal((grant.ValidFrom, grant.ExpiresAt, grant.GrantedAt, 5, 0), (found.ValidFrom, found.ExpiresAt, found.GrantedAt, found.MaxQueries!.Value, found.Uses));
        Assert.Null(await _registry.FindAsync("cns_missing", Ct));
    }

    [Fact]
    public async Task FindFor_ReturnsOnlyThePairsGrants_NewestFirst()
    {
        await _registry.AddAsync(Grant("cns_1"), Ct);
        await _registry.AddAsync(Grant("cns_2"), Ct);
        await _registry.AddAsync(Grant("cns_3") with { Institution = "bank-002" }, Ct);
        await _registry.AddAsync(Grant("cns_4") with { Subject = "91350100M000100Y43" }, Ct);

        var pair = await _registry.FindForAsync("91350100M000100Y40", "bank-001", Ct);

        Assert.Equal(["cns_2", "cns_1"], pair.Select(g => g.Id));
        Assert.Equal(["cns_3", "cns_2", "cns_1"], (await _registry.ListBySubjectAsync("91350100M000100Y40", Ct)).Select(g => g.Id));
        Assert.Equal(["cns_3"], (await _registry.ListByInstitutionAsync("bank-002", Ct)).Select(g => g.Id));
    }

    [Fact]
    public async Task Revoke_KeepsFirstRevocation_AndStatusIsDerivedFromDates()
    {
        await _registry.AddAsync(Grant("cns_r"), Ct);
        var first = await _registry.RevokeAsync("cns_r", Now.AddHours(1), "owner-1", "changed bank", Ct);
        var second = await _registry.RevokeAsync("cns_r", Now.AddHours(2), "owner-2", null, Ct);

        Assert.Equal((Now.AddHours(1), "owner-1", "changed bank"), (second!.RevokedAt!.Value, second.RevokedBy!, second.RevokeReason!));
        Assert.Equal(ConsentStatus.Revoked, first!.StatusAt(Now));
        Assert.Null(await _registry.RevokeAsync("cns_missing", Now, "x", null, Ct));

        var plain = Grant("cns_s");
        Assert.Equal(ConsentStatus.Pending, plain.StatusAt(plain.ValidFrom.AddMilliseconds(-1)));
        Assert.Equal(ConsentStatus.Active, plain.StatusAt(plain.ValidFrom));
        Assert.Equal(ConsentStatus.Active, plain.StatusAt(plain.ExpiresAt.AddMilliseconds(-1)));
        Assert.Equal(ConsentStatus.Expired, plain.StatusAt(plain.ExpiresAt));
    }

    [Fact]
    public async Task TryUse_CountsAtomically_AndNeverExceedsMaxQueries_UnderConcurrency()
    {
        await _registry.AddAsync(Grant("cns_m", maxQueries: 7), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _registry.TryUseAsync("cns_m", Ct), Ct)));

        Assert.Equal(7, results.Count(r => r));
        Assert.Equal(7, (await _registry.FindAsync("cns_m", Ct))!.Uses);
    }

    [Fact]
    public async Task Reads_SeeACommitMadeByAnotherRegistryOnTheSameFile_Immediately()
    {
        await _registry.AddAsync(Grant("cns_x"), Ct);
        Assert.Null((await _registry.FindAsync("cns_x", Ct))!.RevokedAt); // warms a pooled reader connection

        await using (var otherReplica = SqliteConsentRegistry.Open(_path))
        {
            await otherReplica.RevokeAsync("cns_x", Now, "owner", null, Ct);
        }

        Assert.Equal(Now, (await _registry.FindForAsync("91350100M000100Y40", "bank-001", Ct)).Single().RevokedAt);
    }

    [Fact]
    public async Task Open_UsesWalAndSynchronousFull_AndAddWithExistingIdFailsClosed()
    {
        await _registry.AddAsync(Grant("cns_d"), Ct);
        await Assert.ThrowsAsync<ConsentStoreUnavailableException>(() => _registry.AddAsync(Grant("cns_d"), Ct));
        using var raw = new SqliteConnection($"Data Source={_path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Dispose_CheckpointsAndRemovesTheWal_AfterReadsAndWrites()
    {
        await _registry.AddAsync(Grant("cns_w"), Ct);
        await _registry.FindAsync("cns_w", Ct); // opens a pooled reader connection that outlives the write
        Assert.True(File.Exists(_path + "-wal"));

        await _registry.DisposeAsync();

        // A clean stop leaves the database whole in its main file.
        Assert.False(File.Exists(_path + "-wal"));
        await using var reopened = SqliteConsentRegistry.Open(_path);
        Assert.NotNull(await reopened.FindAsync("cns_w", Ct));
    }

    private static ConsentGrant Grant(string id, int? maxQueries = null) => new()
    {
        Id = id,
        Subject = "91350100M000100Y40",
        Institution = "bank-001",
        Purposes = ["pre-loan"],
        Scopes = ["verify"],
        Categories = ["registration", "tax"],
        ValidFrom = Now,
        ExpiresAt = Now.AddDays(90),
        MaxQueries = maxQueries,
        GrantedBy = "owner-1",
        GrantedAt = Now,
    };
}

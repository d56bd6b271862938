using DataGateway.Storage.Audit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>RELIABILITY.md A11: hostile text is stored inertly, capped, and cannot alter any other entry.</summary>
public sealed class AuditHostileContentTests
{
    public static TheoryData<string> HostileTexts() => new()
    {
        "alice\r\n2025-03-01T08:00:00Z allowed admin forged-entry",
        "\u001b[2J\u001b[31mred\u001b[0m",
        "\u202Egnp.exe\u202C",
        "nul\0inside\0",
        "\"quote\",\"forged\"]",
        new string('Z', 1 << 20),
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task AppendAsync_StoresHostileTextCappedAndInert_WithoutAffectingNeighbours(string hostile)
    {
        using var db = new TempDatabase();
        var hostileEntry = Some.Entry(1) with
        {
            Actor = hostile, Purpose = hostile, ClientRequestId = hostile, Predicates = [hostile, "revenue_gt"],
        };
        await using (var log = await db.OpenAsync())
        {
            await log.AppendAsync(Some.Entry(0), TempDatabase.Ct);
            await log.AppendAsync(hostileEntry, TempDatabase.Ct);
            await log.AppendAsync(Some.Entry(2), TempDatabase.Ct);
        }

        await using var reopened = await db.OpenAsync();
        var rows = await db.ReadAllAsync(reopened);

        var expected = AuditEntryNormalizer.Normalize(hostileEntry, new AuditLogOptions().MaxFieldLength);
        Assert.True(Some.SameEntry(expected, rows[1].Entry));
        Assert.True(rows[1].Entry.Actor.Length <= 256);
        Assert.Equal(hostile.Length > 256, rows[1].Entry.Actor.EndsWith(AuditEntryNormalizer.TruncationMarker, StringComparison.Ordinal));
        Assert.True(Some.SameEntry(Some.Entry(0), rows[0].Entry));
        Assert.True(Some.SameEntry(Some.Entry(2), rows[2].Entry));
        Assert.Equal(3, rows.Count);
        Assert.Equal(new AuditVerification(true, 3, null, null), AuditChainVerifier.Verify(db.Path));
    }

    [Fact]
    public async Task AppendAsync_CapsThePredicateList_WhenItIsLongerThanTheFieldCap()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync(options: new AuditLogOptions { MaxFieldLength = 40 });

        await log.AppendAsync(Some.Entry(0) with { Predicates = Enumerable.Range(0, 100).Select(i => $"p{i}").ToArray() }, TempDatabase.Ct);
        var rows = await db.ReadAllAsync(log);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"p{i}"), rows[0].Entry.Predicates);
    }

    [Fact]
    public async Task AppendAsync_ThrowsArgumentException_WhenARequiredFieldIsNull()
    {
        using var db = new TempDatabase();
        await using var log = await db.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await log.AppendAsync(Some.Entry(0) with { Decision = null! }, TempDatabase.Ct));
        Assert.Equal(0, log.Count);
    }
}

using System.Net;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;
using static DataGateway.IntegrationTests.AuditExportSteps;

namespace DataGateway.IntegrationTests;

/// <summary>GET /v1/audit/entries (filters, cursors, strict parameters) and the auditor-only rule for entries and export.</summary>
public sealed class AuditExportEntriesApiTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;
    private List<StoredAuditEntry> _all = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await GatewayHarness.StartAsync();
        await TrafficAsync(_harness, 3, firstSubject: 200, institution: "bank-001");
        await TrafficAsync(_harness, 2, firstSubject: 210, institution: "bank-002");
        _all = [];
        var log = (IAuditLog)_harness.GatewayServices.GetService(typeof(IAuditLog))!;
        await foreach (var row in log.ReadAsync(0, int.MaxValue, Ct))
        {
            _all.Add(row);
        }
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Entries_PageThroughExactlyTheMatchingEntries_WithCursors()
    {
        var subject = GroundTruth.All[210].Uscc;
        var cases = new (string Query, Func<StoredAuditEntry, bool> Match)[]
        {
            ("institution=bank-002", e => e.Entry.Institution == "bank-002"),
            ($"subject={subject}", e => e.Entry.Subject == subject),
            ("kind=verification&decision=allowed", e => e.Entry.Kind == "verification" && e.Entry.Decision == "allowed"),
            ("from=2&to=9", e => e.Index is >= 2 and < 9),
            ($"from={Uri.EscapeDataString(_all[3].Timestamp.ToString("O"))}", e => e.Timestamp >= _all[3].Timestamp),
            (string.Empty, _ => true),
        };

        foreach (var (query, match) in cases)
        {
            var expected = _all.Where(match).Select(e => e.Index).ToList();
            Assert.NotEmpty(expected);
            var seen = new List<long>();
            string? cursor = null;
            do
            {
                var page = await GetJsonAsync(_harness, $"/v1/audit/entries?{query}&limit=2{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
                var entries = page.GetProperty("entries").EnumerateArray().ToList();
                Assert.InRange(entries.Count, 0, 2);
                seen.AddRange(entries.Select(e => e.GetProperty("index").GetInt64()));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);

            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task Entries_CarryEveryStoredField_InTheExportShape()
    {
        var page = await GetJsonAsync(_harness, "/v1/audit/entries?from=1&to=2");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray().ToList());

        Assert.True(AuditExportEntryReader.TryRead(JsonSerializer.SerializeToUtf8Bytes(entry), out var read));
        Assert.Equal(_all[1].EntryHash, read!.EntryHash);
        Assert.Equal(_all[1].Entry.Actor, read.Entry.Actor);
        Assert.Equal(_all[1].Timestamp, read.Timestamp);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=5")]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-11-01")]
    [InlineData("to=-1")]
    [InlineData("instituion=bank-001")]
    [InlineData("institution=bank-001&institution=bank-002")]
    public async Task Entries_RefuseBadParameters_WithInvalidRequest(string query)
    {
        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/audit/entries?" + query, _harness.TokenFor("auditor")), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("from=5&to=2")]
    [InlineData("from=x")]
    [InlineData("subject=S1")]
    public async Task Export_RefusesBadParameters_WithInvalidRequest(string query)
    {
        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/audit/export?" + query, _harness.TokenFor("auditor")), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("/v1/audit/entries", "institution")]
    [InlineData("/v1/audit/entries", "owner")]
    [InlineData("/v1/audit/export", "institution")]
    [InlineData("/v1/audit/export", "owner")]
    public async Task EntriesAndExport_AreForAuditorsOnly(string path, string role)
    {
        var token = _harness.TokenFor(role, uscc: role == "owner" ? GroundTruth.All[200].Uscc : null);
        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, path, token), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
    }
}

using System.Net;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>An enterprise sees every audited event about it, and nothing about anyone else, never result values.</summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private static readonly string Alpha = GroundTruth.All[40].Uscc;
    private static readonly string Beta = GroundTruth.All[41].Uscc;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AccessLog_ShowsAllowedAndDeniedQueriesAboutOwner_AndNothingAboutOthers_AcrossPages()
    {
        using (var denied = await VerifyAsync(_harness, Alpha))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var id = (await GrantAsync(_harness, Alpha, GrantBody(_harness))).GetProperty("id").GetString()!;
        using (var allowed = await VerifyAsync(_harness, Alpha))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await GrantAsync(_harness, Beta, GrantBody(_harness));
        using (var other = await VerifyAsync(_harness, Beta))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        var events = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = "/v1/owners/me/access-log?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, path, Owner(_harness, Alpha)), TestContext.Current.CancellationToken);
            var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, raw);
            Assert.DoesNotContain(Beta, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("\"result", raw, StringComparison.Ordinal);
            var page = JsonDocument.Parse(raw).RootElement.Clone();
            events.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(
            // The intent entry is written before the node is asked (audit-before-forward); the owner sees it too.
            [("verification", "denied", "consent_required"), ("consent.grant", "allowed", "ok"), ("verification", "intent", "forwarding"), ("verification", "allowed", "ok")],
            events.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("decision").GetString(), e.GetProperty("reason").GetString())));
        Assert.All(events, e => Assert.Equal("bank-001", e.GetProperty("institution").GetString()));
        Assert.Equal(id, events[2].GetProperty("consentId").GetString());
        Assert.Equal(id, events[3].GetProperty("consentId").GetString());
    }

    [Fact]
    public async Task AccessLog_Refuses_NonOwners()
    {
        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, "/v1/owners/me/access-log", Bank(_harness)), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
    }
}

using System.Net;
using DataGateway.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Per (institution, subject, predicate) limits stop a bank bisecting a value out of yes/no
/// answers (RELIABILITY.md V1); they survive a restart because they are rebuilt from the audit log.
/// </summary>
public sealed class QueryLimitTests : IAsyncLifetime
{
    private const int Limit = 10; // policies/limits.yaml
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(_time);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_RefusesTheNPlusFirstQuery_AcrossThresholdsAndRestarts()
    {
        var subject = GroundTruth.All[1].Uscc;
        var amounts = new[] { 30000, 50000, 100000, 300000, 1000000 };
        var token = _harness.TokenFor();
        async Task<HttpResponseMessage> AskAsync(int amount) => await _harness.Client.SendAsync(
            _harness.PostRaw("/v1/verifications", $$$"""{"subject":"{{{subject}}}","purpose":"pre-loan","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":{{{amount}}}}}]}""", token),
            TestContext.Current.CancellationToken);

        for (var i = 0; i < Limit - 2; i++)
        {
            using var allowed = await AskAsync(amounts[i % amounts.Length]);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await _harness.RestartGatewayAsync(); // the count must come back from the audit log
        for (var i = Limit - 2; i < Limit; i++)
        {
            using var allowed = await AskAsync(amounts[i % amounts.Length]);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await AskAsync(30000);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "query_limit_exceeded");
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);

        // Another predicate about the same subject, and the same predicate about another subject, are separate budgets.
        using var other = await _harness.Client.SendAsync(
            _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // A new period starts a new count.
        _time.Advance(refused.Headers.RetryAfter.Delta!.Value + TimeSpan.FromSeconds(1));
        using var nextPeriod = await AskAsync(30000);
        Assert.Equal(HttpStatusCode.OK, nextPeriod.StatusCode);
    }

    [Fact]
    public async Task Verify_RefusesWholeRequest_WhenOneOfItsPredicatesIsExhausted()
    {
        var subject = GroundTruth.All[2].Uscc;
        var token = _harness.TokenFor();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await _harness.Client.SendAsync(
                _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"tax.noArrears"}]}""", token),
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var mixed = await _harness.Client.SendAsync(
            _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"},{"predicate":"tax.noArrears"}]}""", token),
            TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(mixed, HttpStatusCode.TooManyRequests, "query_limit_exceeded");

        // The refused request did not spend ent.active: all ten remain.
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await _harness.Client.SendAsync(
                _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token),
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task RotatingForwardedHeaders_DoesNotEvadeTheLimit_WhichIsKeyedOnTheAuthenticatedInstitution()
    {
        // RELIABILITY.md G5: the gateway trusts no proxy and keys limits on the token's institution, never on an
        // address, so a caller rotating X-Forwarded-For (50-hop chains) and friends still meets the limit.
        var subject = GroundTruth.All[2].Uscc;
        var token = _harness.TokenFor();
        async Task<HttpResponseMessage> AskAsync(int hop)
        {
            var request = _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", string.Join(", ", Enumerable.Range(0, 50).Select(i => $"10.{hop}.{i}.1")));
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", $"bank-{hop}.example");
            request.Headers.TryAddWithoutValidation("X-Real-IP", $"192.168.{hop}.7");
            return await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        for (var hop = 0; hop < Limit; hop++)
        {
            using var allowed = await AskAsync(hop);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await AskAsync(Limit);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "query_limit_exceeded");
    }

    [Fact]
    public async Task BisectionAttack_LearnsNoMoreThanTheGridBucket_HoldingTheTrueValue()
    {
        // RELIABILITY.md V1: a bank bisects "tax paid >= X" for one enterprise. Off-grid thresholds are refused, so
        // whatever it does, the interval it can infer is one bucket of the published grid, never finer.
        long[] grid = [30_000, 50_000, 100_000, 300_000, 1_000_000]; // PredicateCatalog tax.paid12mAtLeast
        var (record, _) = GroundTruth.First(r => r.TaxPaid12m is > 100_000 and < 300_000);
        var token = _harness.TokenFor();
        async Task<(HttpStatusCode Status, string? Result)> AskAsync(long amount)
        {
            using var response = await _harness.Client.SendAsync(
                _harness.PostRaw("/v1/verifications", $$$"""{"subject":"{{{record.Uscc}}}","purpose":"pre-loan","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":{{{amount}}}}}]}""", token),
                TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? (response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("results")[0].GetProperty("result").GetString())
                : (response.StatusCode, null);
        }

        long low = 0, high = long.MaxValue, probeLow = 0, probeHigh = 10_000_000;
        var offGridRefusals = 0;
        for (var step = 0; step < 40; step++)
        {
            var probe = (probeLow + probeHigh) / 2; // the attacker's bisection: almost always off the grid
            var (status, result) = await AskAsync(probe);
            if (status == HttpStatusCode.BadRequest)
            {
                offGridRefusals++;
                probe = grid.OrderBy(g => Math.Abs(g - probe)).First(); // fall back to the nearest published threshold
                (status, result) = await AskAsync(probe);
            }

            if (status != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, status); // the per-period limit ends the attack
                break;
            }

            (low, high, probeLow, probeHigh) = result == "true"
                ? (Math.Max(low, probe), high, probe, probeHigh)
                : (low, Math.Min(high, probe), probeLow, probe);
        }

        // The truth lies in [low, high), and those are neighbours on the grid: one bucket, 100,000 to 300,000 here.
        Assert.True(offGridRefusals > 0);
        Assert.InRange(record.TaxPaid12m!.Value, low, high - 1);
        Assert.Equal((100_000L, 300_000L), (low, high));
    }
}

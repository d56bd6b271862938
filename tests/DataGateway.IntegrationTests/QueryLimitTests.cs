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
}

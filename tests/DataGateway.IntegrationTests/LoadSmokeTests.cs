using System.Collections.Concurrent;
using System.Net;
using DataGateway.IntegrationTests.Support;
using DataGateway.Storage.Audit;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md G11, CI smoke: 64 closed-loop clients for a few seconds against the real gateway and node. Under
/// load the only answers are 200 and 429 (each 429 with Retry-After), the process stays healthy, and the audit
/// chain written under that load verifies. Throughput and latency are bench/'s job, never asserted here.
/// </summary>
public sealed class LoadSmokeTests
{
    private const int Clients = 64;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task UnderSustainedLoad_OnlyAnswersAndRetryableLimitsComeBack_AndTheLogVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var policies = TestMaterial.CopyPolicies();
        TestMaterial.DisableConsent(policies); // about load, not consent
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false);
        var token = harness.TokenFor();
        var statuses = new ConcurrentDictionary<int, int>();
        var limitsWithoutRetryAfter = 0;
        using var stop = new CancellationTokenSource(Duration);

        async Task ClientAsync(int worker)
        {
            // 40 subjects: every (subject, predicate) reaches its limit of 10 within the run, so 429s are exercised too.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var subject = GroundTruth.All[(worker + i) % 40].Uscc;
                using var request = harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token);
                using var response = await harness.Client.SendAsync(request, ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is null)
                {
                    Interlocked.Increment(ref limitsWithoutRetryAfter);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(ClientAsync));
        using var health = await harness.Client.GetAsync("/readyz", ct);

        var seen = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x {s.Value}"));
        Assert.True(statuses.Keys.All(s => s is 200 or 429), seen);
        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(429) > 0, seen);
        Assert.Equal(0, limitsWithoutRetryAfter);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var chain = AuditChainVerifier.Verify(harness.AuditDatabasePath);
        Assert.True(chain.Ok, chain.Problem);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DataGateway.IntegrationTests.Support;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>A revocation applies to every query that starts after it commits: no cache, no race (ARCHITECTURE.md invariant 4).</summary>
public sealed class ConsentRevocationRaceTests
{
    private const int Workers = 32;

    [Fact]
    public async Task NoQueryStartedAfterRevocationCommit_IsAnswered_Under32ConcurrentQueries()
    {
        var ct = TestContext.Current.CancellationToken;
        var policies = TestMaterial.CopyPolicies();
        var limits = Path.Combine(policies, "limits.yaml");
        await File.WriteAllTextAsync(limits, (await File.ReadAllTextAsync(limits, ct)).Replace("perSubjectPredicate: 10", "perSubjectPredicate: 100000", StringComparison.Ordinal), ct);
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false);
        var subject = GroundTruth.All[30].Uscc;
        var id = (await GrantAsync(harness, subject, GrantBody(harness))).GetProperty("id").GetString()!;
        var outcomes = new ConcurrentBag<(long Started, HttpStatusCode Status)>();
        long revokedAt = long.MaxValue; // Stopwatch ticks when the DELETE answered, i.e. after its commit
        var answeredBefore = 0;
        var inFullSwing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WorkerAsync()
        {
            // Each worker keeps asking until it has asked at least 3 times after the revocation answered.
            var afterRevocation = 0;
            while (afterRevocation < 3)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await VerifyAsync(harness, subject);
                outcomes.Add((started, response.StatusCode));
                if (response.StatusCode == HttpStatusCode.OK && Interlocked.Increment(ref answeredBefore) >= Workers)
                {
                    inFullSwing.TrySetResult();
                }

                if (started > Volatile.Read(ref revokedAt))
                {
                    afterRevocation++;
                }
            }
        }

        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkerAsync, ct)).ToArray();
        await inFullSwing.Task.WaitAsync(ct); // the load is in full swing: many queries are in flight

        using (var revoke = await RevokeAsync(harness, subject, id))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
            Volatile.Write(ref revokedAt, Stopwatch.GetTimestamp());
        }

        await Task.WhenAll(load);
        var after = outcomes.Where(o => o.Started > revokedAt).ToArray();
        Assert.True(after.Length >= Workers * 3, $"only {after.Length} queries started after the revocation");
        Assert.All(after, o => Assert.Equal(HttpStatusCode.Forbidden, o.Status));
        Assert.Contains(outcomes, o => o.Status == HttpStatusCode.OK);
        var audited = AuditReader.ReadAll(harness.AuditDatabasePath);
        // Every refusal is audited; queries in flight at the commit may be refused too, never answered after it.
        Assert.True(audited.Count(e => (string)e["reason"]! == "consent_revoked") >= after.Length);
        Assert.All(after, o => Assert.NotEqual(HttpStatusCode.OK, o.Status));
    }
}

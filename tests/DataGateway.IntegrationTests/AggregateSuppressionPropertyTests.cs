using DataGateway.Core.Catalog;
using DataGateway.Gateway.Aggregates;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md D6 at the gateway's release step: over 100,000 random datasets, no group whose
/// true count is below the floor is ever released, and every group of the public domain is answered
/// exactly once, in domain order, with no value when suppressed.
/// </summary>
public sealed class AggregateSuppressionPropertyTests
{
    private const int Datasets = 100_000;
    private static readonly string[] Epsilons = ["0.01", "0.1", "1", "10", "1000"];

    [Fact]
    public void Compute_NeverReleasesGroupBelowFloor_Over100000RandomDatasets()
    {
        const ulong seed = 20261126;
        var scenario = new Random((int)seed); // test data only; noise comes from the seeded bit source
        var mechanism = new AggregateMechanism(new DirectNoiseSource(new SplitMix64RandomBits(seed)));
        long releasedNearFloor = 0;
        for (var dataset = 0; dataset < Datasets; dataset++)
        {
            var floor = scenario.Next(1, 30);
            // Threshold at the floor with a huge epsilon makes the noisy count ≈ the true count, so
            // only the hard floor stands between a small group and release: the case that matters.
            var rule = new SuppressionRule(floor + scenario.Next(0, 3), floor);
            var query = RandomQuery(scenario);
            var partials = new Dictionary<string, PartialAggregate>(StringComparer.Ordinal);
            var truth = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var key in query.DomainKeys())
            {
                // Counts cluster around the floor; some groups have no rows and are absent, as a node omits them.
                var count = scenario.Next(4) == 0 ? 0 : Math.Max(0, floor + scenario.Next(-floor, floor + 1));
                var joined = AggregateRelease.KeyOf(key);
                truth[joined] = count;
                if (count > 0)
                {
                    partials[joined] = new PartialAggregate(count, (Int128)count * scenario.Next(0, 1000));
                }
            }

            var groups = AggregateRelease.Compute(query, partials, mechanism, rule);

            Assert.Equal(query.GroupCount, groups.Length);
            var expectedKeys = query.DomainKeys().Select(AggregateRelease.KeyOf).ToArray();
            for (var i = 0; i < groups.Length; i++)
            {
                var key = AggregateRelease.KeyOf(query.GroupBy.Select(d => groups[i].Key[d]).ToArray());
                Assert.Equal(expectedKeys[i], key);
                Assert.Equal(groups[i].Suppressed, groups[i].Value is null);
                if (!groups[i].Suppressed)
                {
                    Assert.True(truth[key] >= floor, $"dataset {dataset} (seed {seed}): released a group of {truth[key]} < floor {floor}");
                    releasedNearFloor += truth[key] < 2 * floor ? 1 : 0;
                }
            }
        }

        // The property is only meaningful if groups close to the floor were in fact released.
        Assert.True(releasedNearFloor > Datasets / 10, $"only {releasedNearFloor} releases near the floor");
    }

    private static AdmittedAggregate RandomQuery(Random scenario)
    {
        var dimensions = AggregateDimensions.All.OrderBy(_ => scenario.Next()).Take(scenario.Next(0, 3)).ToArray();
        var domains = dimensions
            .Select(d => (IReadOnlyList<string>)d.Domain.Where(_ => scenario.Next(3) == 0).DefaultIfEmpty(d.Domain[0]).Take(3).ToArray())
            .ToArray();
        var metric = (AggregateMetric)scenario.Next(3);
        Assert.True(Epsilon.TryParse(Epsilons[scenario.Next(Epsilons.Length)], out var epsilon, out _));
        return new AdmittedAggregate(
            metric,
            metric == AggregateMetric.Count ? null : "tax.paid12m",
            metric == AggregateMetric.Count ? new ContributionBounds(0, 0) : new ContributionBounds(0, 1000),
            dimensions.Select(d => d.Name).ToArray(),
            domains,
            new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            epsilon,
            null);
    }
}

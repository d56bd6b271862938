using DataGateway.Gateway.Policies;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>policies/aggregates.yaml: every invalid value is listed at start; a bad edit keeps the last good policy.</summary>
public sealed class AggregatePolicyTests
{
    private const string Invalid = """
        aggregates:
          institutions: [bank-001, bank-999]
          period: forever
          budgetCap: "1.0"
          maxEpsilonPerQuery: "2.0"
          minGroupSize: 10
          noisyThreshold: 5
          maxGroupBy: 9
          maxGroups: 100000
          fields:
            tax.paid12m: { lower: 10, upper: 0 }
            tax.grade: { lower: 0, upper: 1 }
            tax.madeUp: { lower: 0, upper: 1 }
        """;

    [Fact]
    public async Task Start_FailsListingEveryAggregateError_WhenAggregatesYamlIsInvalid()
    {
        var policies = TestMaterial.CopyPolicies();
        await File.WriteAllTextAsync(Path.Combine(policies, "aggregates.yaml"), Invalid, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(policiesDirectory: policies));

        foreach (var expected in new[] { "'bank-999'", "aggregates.period", "maxEpsilonPerQuery", "noisyThreshold", "maxGroupBy", "maxGroups", "'tax.paid12m'", "'tax.grade'", "'tax.madeUp'" })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("budgetCap: \"3.0\"", "budgetCap: 0.1234567")] // not a whole micro-unit: refused, never rounded
    [InlineData("budgetCap: \"3.0\"", "budgetCap: \"-3\"")]
    [InlineData("minGroupSize: 10", "minGroupSize: 0")]
    public async Task Reload_KeepsTheLastGoodPolicy_WhenAnEditIsInvalid(string from, string to)
    {
        var policies = TestMaterial.CopyPolicies();
        var file = Path.Combine(policies, "aggregates.yaml");
        using var store = PolicyStore.Open(policies, Microsoft.Extensions.Logging.Abstractions.NullLogger<PolicyStore>.Instance, watch: false);
        var good = store.Current;
        Assert.Equal(3_000_000, good.Aggregates.BudgetCap.MicroUnits);
        Assert.Equal((20, 10), (good.Aggregates.Suppression.MinimumNoisyCount, good.Aggregates.Suppression.HardFloor));

        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Contains(from, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace(from, to, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.NotEmpty(store.Reload().Errors);
        Assert.Same(good, store.Current);
    }

    [Fact]
    public async Task Aggregates_AreRefusedForEveryone_WhenThePolicyHasNoAggregatesSection()
    {
        var policies = TestMaterial.CopyPolicies();
        File.Delete(Path.Combine(policies, "aggregates.yaml"));
        await using var harness = await GatewayHarness.StartAsync(policiesDirectory: policies);

        using var response = await AggregateCalls.PostAsync(harness, new { metric = "count", epsilon = 0.1 });

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.Forbidden, "aggregates_not_allowed");
    }
}

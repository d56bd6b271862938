using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>policies/models.yaml: a floor under 2048-bit keys or a batch over the hard cap stops the start, listing every error.</summary>
public sealed class ScoringPolicyTests
{
    [Fact]
    public async Task AModelsPolicyThatWouldWeakenKeysOrOverrunTheCaps_StopsTheGateway()
    {
        var policies = TestMaterial.CopyPolicies();
        var models = Path.Combine(policies, "models.yaml");
        var text = (await File.ReadAllTextAsync(models, TestContext.Current.CancellationToken))
            .Replace("min: 2048", "min: 1024", StringComparison.Ordinal)
            .Replace("maxBatchSize: 1000", "maxBatchSize: 5000", StringComparison.Ordinal);
        await File.WriteAllTextAsync(models, text, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(policiesDirectory: policies));

        Assert.Contains("models.keyBits.min", error.Message, StringComparison.Ordinal);
        Assert.Contains("models.maxBatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheShippedModelsPolicy_IsInForce()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var models = harness.Policies.Current.Models;

        Assert.Equal((3, 64, 20, 1000, 10, 30, TimeSpan.FromDays(30), 2048, 4096),
            (models.MinFeatures, models.MaxFeatures, models.MaxPerInstitution, models.MaxBatchSize, models.PerSubjectModel, models.PerSubject, models.Period, models.KeyPolicy.MinimumBits, models.MaxKeyBits));
    }

    [Fact]
    public async Task OpenApi_DescribesTheModelAndScoreRoutes()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var openApi = await harness.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("/v1/models/{id}", openApi, StringComparison.Ordinal);
        Assert.Contains("/v1/scores/batch", openApi, StringComparison.Ordinal);
    }
}

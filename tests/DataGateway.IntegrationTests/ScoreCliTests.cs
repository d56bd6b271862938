using System.CommandLine;
using System.Numerics;
using System.Text.Json;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Client.Scoring;
using DataGateway.Core.Records;
using DataGateway.IntegrationTests.Support;
using DataGateway.Node.Scoring;

namespace DataGateway.IntegrationTests;

/// <summary>
/// <c>dg keys generate</c>, <c>dg models register</c> and <c>dg score</c> against a real gateway and node: the
/// example model is encrypted locally, scored on raw records the bank never sees, and decrypted locally to
/// exactly the plaintext linear predictor.
/// </summary>
public sealed class ScoreCliTests : IAsyncLifetime
{
    private static readonly string[] Categories = ["registration", "penalties", "tax", "social", "judicial", "ip"];
    private readonly string _directory = TestMaterial.NewTempDirectory("score-cli");
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task KeysRegisterScore_DecryptLocallyToThePlaintextPredictor_ThroughTheRealGateway()
    {
        var keyFile = Path.Combine(_directory, "bank-001.paillier.json");
        var modelFile = Path.Combine(TestMaterial.RepositoryRoot(), "examples", "models", "pd-v1.json");
        var model = PlainModelReader.ReadFile(modelFile);
        var subjects = GroundTruth.All.Skip(60).Take(3).ToArray();
        foreach (var consented in subjects.Take(2))
        {
            await ConsentSteps.GrantAsync(_harness, consented.Uscc, ConsentSteps.GrantBody(_harness, scopes: ["score"], categories: Categories));
        }

        Assert.Equal(ExitCodes.Success, (await RunAsync("keys", "generate", "--out", keyFile, "--bits", "2048")).Code);

        var (registerCode, registered, registerError) = await RunAsync("models", "register", "--key", keyFile, "--model", modelFile);
        Assert.True(registerCode == ExitCodes.Success, registerError);
        Assert.Contains("registered model pd-v1", registered, StringComparison.Ordinal);
        Assert.DoesNotContain("(not reported)", registered, StringComparison.Ordinal);

        var (scoreCode, single, scoreError) = await RunAsync("score", "--key", keyFile, "--model", "pd-v1", "--subject", subjects[0].Uscc, "--purpose", "pre-loan", "--json");
        Assert.True(scoreCode == ExitCodes.Success, scoreError);
        var row = Assert.Single(JsonDocument.Parse(single).RootElement.EnumerateArray());
        Assert.Equal(Predictor(model, subjects[0]), row.GetProperty("linearPredictor").GetDouble(), 9);
        Assert.Equal(Scorecard.Points(Predictor(model, subjects[0])), row.GetProperty("score").GetDouble(), 6);

        var list = Path.Combine(_directory, "subjects.txt");
        await File.WriteAllLinesAsync(list, subjects.Select(s => s.Uscc), TestContext.Current.CancellationToken);
        var (batchCode, batch, _) = await RunAsync("score", "--key", keyFile, "--model", "pd-v1", "--subjects-file", list, "--purpose", "pre-loan", "--json");
        Assert.Equal(ExitCodes.Refused, batchCode); // the third subject gave no consent
        var rows = JsonDocument.Parse(batch).RootElement.EnumerateArray().ToArray();
        Assert.Equal(subjects.Select(s => s.Uscc), rows.Select(r => r.GetProperty("subject").GetString()));
        Assert.Equal(Predictor(model, subjects[0]), rows[0].GetProperty("linearPredictor").GetDouble(), 9);
        Assert.Equal(Predictor(model, subjects[1]), rows[1].GetProperty("linearPredictor").GetDouble(), 9);
        Assert.StartsWith("consent_", rows[2].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.False(rows[2].TryGetProperty("linearPredictor", out _));

        var (_, models, _) = await RunAsync("models", "list");
        Assert.Contains("pd-v1", models, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, (await RunAsync("models", "delete", "pd-v1")).Code);
        var (deletedCode, _, deleted) = await RunAsync("score", "--key", keyFile, "--model", "pd-v1", "--subject", subjects[0].Uscc, "--purpose", "pre-loan");
        Assert.Equal(ExitCodes.Refused, deletedCode);
        Assert.Contains("model_not_found", deleted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsRegister_Returns2AndRegistersNothing_WhenTheModelFileIsInvalid()
    {
        var keyFile = Path.Combine(_directory, "k.json");
        Assert.Equal(ExitCodes.Success, (await RunAsync("keys", "generate", "--out", keyFile, "--bits", "2048")).Code);
        var bad = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(bad, """{ "id": "bad", "scale": 1000000, "features": ["tax.arrears", "tax.paid12m", "tax.grade=A"], "weights": [1, 2], "bias": 0 }""", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync("models", "register", "--key", keyFile, "--model", bad);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("one weight per feature", error, StringComparison.Ordinal);
        Assert.Contains("no models", (await RunAsync("models", "list")).Output, StringComparison.Ordinal);
    }

    // z from the raw record with the node's catalog encodings and the fixed-point weights the bank sent.
    private static double Predictor(PlainModel model, EnterpriseRecord record)
    {
        var x = new long[model.Features.Count];
        Assert.True(FeatureEncoder.TryCompile(model.Features)!.TryEncode(record, TestMaterial.AsOf, long.MaxValue, x));
        var total = ModelEncryptor.EncodeFixedPoint(model.Bias, model.Scale);
        for (var i = 0; i < x.Length; i++)
        {
            total += ModelEncryptor.EncodeFixedPoint(model.Weights[i], model.Scale) * new BigInteger(x[i]);
        }

        return (double)total / model.Scale;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { KeysCommand.Create(), ModelsCommand.Create(_ => null), ScoreCommand.Create(_ => null) };
        string[] full = args[0] == "keys" ? args : [.. args, "--gateway", _harness.GatewayAddress, "--token", ConsentSteps.Bank(_harness)];
        var code = await DgApp.RunAsync(root, full, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

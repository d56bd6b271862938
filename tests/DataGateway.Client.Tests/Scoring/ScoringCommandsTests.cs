using System.CommandLine;
using System.Numerics;
using System.Text.Json;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Client.Models;
using DataGateway.Client.Scoring;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Tests.Scoring;

/// <summary><c>dg keys</c>, <c>dg models</c> and <c>dg score</c> against a loopback fake: exit codes, local encryption and decryption.</summary>
public sealed class ScoringCommandsTests : IAsyncLifetime
{
    private const string Scored = "91110108PDY00001XU";
    private const string Refused = "91310115PDY000028D";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-scoring-cli-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeScoringGateway _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _gateway = await FakeScoringGateway.StartAsync();

        // −3.912023 is ln(1/50): PD 1/51, exactly 600 points.
        _gateway.Scores[Scored] = -3_912_023;
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("1024")]
    [InlineData("2047")]
    [InlineData("8192")]
    public async Task KeysGenerate_Returns2AndWritesNothing_WhenTheSizeIsNotAllowed(string bits)
    {
        var path = Path.Combine(_directory, "k.json");

        var (code, _, error) = await RunAsync("keys", "generate", "--out", path, "--bits", bits);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("2048, 3072 or 4096", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task KeysGenerate_Returns2_WhenTheFileExistsAndForceIsNotGiven()
    {
        var path = Path.Combine(_directory, "k.json");
        File.WriteAllText(path, "keep me");

        var (code, _, error) = await RunAsync("keys", "generate", "--out", path, "--bits", "2048");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public async Task KeysGenerate_WritesAnOwnerOnlyKeyFile_WithProgress()
    {
        var path = Path.Combine(_directory, "bank.key.json");

        var (code, output, error) = await RunAsync("keys", "generate", "--out", path, "--bits", "2048");

        Assert.Equal(ExitCodes.Success, code);
        var key = PaillierKeyFile.Read(path);
        Assert.Equal(2048, key.PublicKey.ModulusBits);
        Assert.Contains(PaillierKeyFile.Fingerprint(key.PublicKey.ToBase64Url()), output, StringComparison.Ordinal);
        Assert.Contains("1024-bit primes", error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task ModelsRegister_Returns2AndSendsNothing_WhenTheModelFileIsInvalid()
    {
        var model = Write("bad.json", """{ "id": "m", "scale": 1000000, "features": ["tax.arrears", "tax.paid12m"], "weights": [1.2], "bias": 0 }""");

        var (code, _, error) = await RunAsync("models", "register", "--key", ScoringTestKeys.File, "--model", model);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("one weight per feature", error, StringComparison.Ordinal);
        Assert.Empty(_gateway.RequestBodies);
    }

    [Fact]
    public async Task ModelsRegister_Returns2_WhenTheKeyFileIsNotAKey()
    {
        var (code, _, error) = await RunAsync("models", "register", "--key", Write("key.json", "{}"), "--model", Example());

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not a Paillier key file", error, StringComparison.Ordinal);
        Assert.Empty(_gateway.RequestBodies);
    }

    [Fact]
    public async Task ModelsRegister_SendsOnlyCiphertextsThatDecryptToTheFixedPointWeights()
    {
        var (code, output, _) = await RunAsync("models", "register", "--key", ScoringTestKeys.File, "--model", Example());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("registered model pd-v1", output, StringComparison.Ordinal);
        Assert.Contains("commitment-of-pd-v1", output, StringComparison.Ordinal);
        var sent = JsonSerializer.Deserialize<ModelRegistration>(Assert.Single(_gateway.RequestBodies), ClientJson.Options)!;
        var model = PlainModelReader.ReadFile(Example());
        Assert.Equal(model.Features, sent.Features);
        Assert.Equal(ScoringTestKeys.Public.ToBase64Url(), sent.PublicKey.N);
        for (var i = 0; i < model.Weights.Count; i++)
        {
            Assert.Equal(ModelEncryptor.EncodeFixedPoint(model.Weights[i], model.Scale), DecryptSigned(sent.Weights[i]));
        }

        Assert.Equal(ModelEncryptor.EncodeFixedPoint(model.Bias, model.Scale), DecryptSigned(sent.Bias));
    }

    [Fact]
    public async Task ModelsListShowDelete_Work_AndAnUnknownModelReturns1()
    {
        Assert.Equal(ExitCodes.Success, (await RunAsync("models", "register", "--key", ScoringTestKeys.File, "--model", Example())).Code);

        var (listCode, list, _) = await RunAsync("models", "list");
        Assert.Equal(ExitCodes.Success, listCode);
        Assert.Contains("pd-v1", list, StringComparison.Ordinal);

        var (showCode, show, _) = await RunAsync("models", "show", "pd-v1");
        Assert.Equal(ExitCodes.Success, showCode);
        Assert.Contains("tax.grade=A", show, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await RunAsync("models", "delete", "pd-v1")).Code);
        var (goneCode, _, gone) = await RunAsync("models", "show", "pd-v1");
        Assert.Equal(ExitCodes.Refused, goneCode);
        Assert.Contains("model_not_found", gone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_DecryptsLocallyAndPrintsPredictorProbabilityAndPoints()
    {
        await RegisterAsync();

        var (code, output, _) = await RunAsync("score", "--key", ScoringTestKeys.File, "--model", "pd-v1", "--subject", Scored, "--purpose", "pre-loan");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(Scored, output, StringComparison.Ordinal);
        Assert.Contains("-3.9120", output, StringComparison.Ordinal);
        Assert.Contains("1.96%", output, StringComparison.Ordinal);
        Assert.Contains("  600  ", output, StringComparison.Ordinal);
        Assert.Contains("\"purpose\":\"pre-loan\"", _gateway.RequestBodies[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Batch_ShowsEachSubjectsProblemInItsRow_AndReturns1()
    {
        await RegisterAsync();
        var file = Write("subjects.txt", $"# applicants\n{Scored}\n\n{Refused}  # no consent\n");

        var (code, output, _) = await RunAsync("score", "--key", ScoringTestKeys.File, "--model", "pd-v1", "--subjects-file", file, "--purpose", "pre-loan", "--json");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains($$"""{"subjects":["{{Scored}}","{{Refused}}"]""", _gateway.RequestBodies[^1], StringComparison.Ordinal);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(Scored, rows[0].GetProperty("subject").GetString());
        Assert.Equal(600, rows[0].GetProperty("score").GetDouble(), 2);
        Assert.False(rows[0].TryGetProperty("problem", out _));
        Assert.Equal(Refused, rows[1].GetProperty("subject").GetString());
        Assert.Equal("consent_required", rows[1].GetProperty("problem").GetString());
        Assert.False(rows[1].TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Score_FlagsOverflowInsteadOfPrintingAValue_AndReturns1()
    {
        await RegisterAsync();
        _gateway.Scores[Refused] = ScoringTestKeys.Public.N / 2; // the middle third of Z_n

        var (code, output, _) = await RunAsync("score", "--key", ScoringTestKeys.File, "--model", "pd-v1", "--subject", Scored, "--subject", Refused, "--purpose", "pre-loan");

        Assert.Equal(ExitCodes.Refused, code);
        var lines = output.Split('\n');
        Assert.Contains("  600  ", Assert.Single(lines, l => l.StartsWith(Scored, StringComparison.Ordinal)), StringComparison.Ordinal);
        var overflowed = Assert.Single(lines, l => l.StartsWith(Refused, StringComparison.Ordinal));
        Assert.Contains("overflow", overflowed, StringComparison.Ordinal);
        Assert.DoesNotContain("%", overflowed, StringComparison.Ordinal);
        Assert.Contains("1 of 2 subjects scored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Returns1_WhenTheGatewayRefusesTheOnlySubject()
    {
        await RegisterAsync();

        var (code, output, error) = await RunAsync("score", "--key", ScoringTestKeys.File, "--model", "pd-v1", "--subject", Refused, "--purpose", "pre-loan");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("consent_required", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Score_Returns2_WhenNoSubjectIsNamed()
    {
        var (code, _, error) = await RunAsync("score", "--key", ScoringTestKeys.File, "--model", "pd-v1", "--purpose", "pre-loan");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--subject", error, StringComparison.Ordinal);
        Assert.Empty(_gateway.RequestBodies);
    }

    private static BigInteger DecryptSigned(string text)
    {
        Assert.Equal(PaillierCiphertextError.None, ScoringTestKeys.Public.TryParseCiphertext(text, out var ciphertext));
        Assert.True(ScoringTestKeys.Private.TryDecryptSigned(ciphertext!, out var value));
        return value;
    }

    private static string Example() => Path.Combine(PlainModelReaderTests.RepositoryRoot(), "examples", "models", "pd-v1.json");

    private async Task RegisterAsync() =>
        Assert.Equal(ExitCodes.Success, (await RunAsync("models", "register", "--key", ScoringTestKeys.File, "--model", Example())).Code);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { KeysCommand.Create(), ModelsCommand.Create(_ => null), ScoreCommand.Create(_ => null) };
        string[] full = args[0] == "keys" ? args : [.. args, "--gateway", _gateway.Address, "--token", "test-token"];
        var code = await DgApp.RunAsync(root, full, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Core.Identifiers;

namespace DataGateway.Client.Tests.Cli;

public sealed class DatasetCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dg-dataset-tests-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task GenerateThenSubjects_PrintsValidCodes_WhenAKeyIsGiven()
    {
        var key = Path.Combine(_root, "platform-hmac.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), TestContext.Current.CancellationToken);
        var data = Path.Combine(_root, "data");

        Assert.Equal(ExitCodes.Success, await RunAsync("dataset", "generate", "--out", data, "--enterprises", "300", "--seed", "7", "--hmac-key", key, "--as-of", "2026-10-31"));
        _output.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, await RunAsync("dataset", "subjects", "--data", data, "--count", "5"));

        var codes = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(5, codes.Length);
        Assert.All(codes, code => Assert.True(Uscc.TryParse(code, out _, out _), code));
        Assert.Equal(5, codes.Distinct().Count());
    }

    [Fact]
    public async Task Generate_Returns2WithoutWriting_WhenTheKeyIsMissing()
    {
        var data = Path.Combine(_root, "data");

        var code = await RunAsync("dataset", "generate", "--out", data, "--enterprises", "10", "--hmac-key", Path.Combine(_root, "absent.key"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("dg certs dev", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Generate_Returns2_WhenTheKeyIsTooShort()
    {
        var key = Path.Combine(_root, "short.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(new byte[8]), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, await RunAsync("dataset", "generate", "--out", Path.Combine(_root, "d"), "--hmac-key", key));
    }

    [Fact]
    public async Task Subjects_Returns2WithAHint_WhenThereIsNoDataset()
    {
        Assert.Equal(ExitCodes.Usage, await RunAsync("dataset", "subjects", "--data", _root));
        Assert.Contains("dg dataset generate", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        DgApp.RunAsync(new RootCommand { DatasetCommand.Create() }, args, new InvocationConfiguration { Output = _output, Error = _error }, TestContext.Current.CancellationToken);
}

using System.CommandLine;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Cryptography.Signing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DataGateway.Client.Tests.Cli;

public sealed class DgAppTests : IDisposable
{
    private readonly string _certs = Directory.CreateTempSubdirectory("dg-cli-tests-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        Directory.Delete(_certs, recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("verify", "--subject", "91110108PDY00001XU")]
    [InlineData("verify", "--subject", "91110108PDY00001XU", "--purpose", "pre-loan", "--check", "a", "--bogus")]
    [InlineData("token")]
    [InlineData("token", "--role", "superuser")]
    [InlineData("dataset", "generate")]
    [InlineData("dataset", "generate", "--out", "x", "--enterprises", "many")]
    public async Task RunAsync_Returns2_WhenTheCommandLineDoesNotParse(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await RunAsync(DgApp.CreateRootCommand(), args));
        Assert.NotEqual(string.Empty, _error.ToString());
    }

    [Fact]
    public async Task RunAsync_Returns2_WhenACheckHasBadSyntax()
    {
        var code = await RunAsync(DgApp.CreateRootCommand(),
            "verify", "--subject", "91110108PDY00001XU", "--purpose", "pre-loan", "--check", "tax.paid12mAtLeast:amountCny", "--token", "t");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--check", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Returns0_WhenHelpIsAsked()
    {
        Assert.Equal(ExitCodes.Success, await RunAsync(DgApp.CreateRootCommand(), "--help"));
        Assert.Contains("verify", _output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("DOTNET_ENVIRONMENT")]
    public async Task Token_Returns2AndPrintsNoToken_WhenTheEnvironmentIsProduction(string variable)
    {
        WriteSigningKey();
        var root = new RootCommand { TokenCommand.Create(name => name == variable ? "Production" : null) };

        var code = await RunAsync(root, "token", "--role", "admin", "--certs", _certs);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Production", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task Token_PrintsAValidToken_WhenTheEnvironmentIsDevelopment()
    {
        using var key = WriteSigningKey();
        var root = new RootCommand { TokenCommand.Create(_ => "Development") };

        var code = await RunAsync(root, "token", "--role", "institution", "--inst", "bank-002", "--ttl", "10m", "--certs", _certs);

        Assert.Equal(ExitCodes.Success, code);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(_output.ToString().Trim(), DevTokenMinterTests.GatewayParameters(key));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("bank-002", result.Claims["inst"]);
    }

    [Theory]
    [InlineData("--role", "institution")]
    [InlineData("--role", "owner", "--uscc", "91350100M000100Y4Z")]
    [InlineData("--role", "admin", "--ttl", "forever")]
    public async Task Token_Returns2_WhenTheClaimsAreInvalid(params string[] options)
    {
        WriteSigningKey();
        var root = new RootCommand { TokenCommand.Create(_ => null) };

        Assert.Equal(ExitCodes.Usage, await RunAsync(root, ["token", .. options, "--certs", _certs]));
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task Token_Returns2WithAHint_WhenTheKeyFileIsMissing()
    {
        var root = new RootCommand { TokenCommand.Create(_ => null) };

        Assert.Equal(ExitCodes.Usage, await RunAsync(root, "token", "--role", "admin", "--certs", _certs));
        Assert.Contains("dg certs dev", _error.ToString(), StringComparison.Ordinal);
    }

    private EcSigningKey WriteSigningKey()
    {
        var key = EcSigningKey.Generate();
        File.WriteAllText(Path.Combine(_certs, "token-signing.key.pem"), key.ExportPrivateKeyPem());
        return key;
    }

    private Task<int> RunAsync(RootCommand root, params string[] args) =>
        DgApp.RunAsync(root, args, new InvocationConfiguration { Output = _output, Error = _error });
}

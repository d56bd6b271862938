using System.CommandLine;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Client.Tests.Support;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client.Tests.Cli;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly EcSigningKey _key = EcSigningKey.Generate();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _key.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Verify_PrintsTheTable_WhenTheAnswerVerifies()
    {
        await using var gateway = await FakeGateway.StartAsync(() => SignedAnswers.Create(_key), SignedAnswers.KeysOf(_key));

        var code = await RunAsync(gateway, "--check", "tax.paid12mAtLeast:amountCny=300000", "--check", "tax.gradeIn:grades=A,B", "--check", "court.notDishonestDebtor");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            """{"subject":"91110108PDY00001XU","purpose":"pre-loan","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":300000}},{"predicate":"tax.gradeIn","params":{"grades":["A","B"]}},{"predicate":"court.notDishonestDebtor"}]}""",
            Assert.Single(gateway.RequestBodies));
        var table = _output.ToString();
        Assert.Contains("vrf_0001", table, StringComparison.Ordinal);
        Assert.Contains("amountCny=300000", table, StringComparison.Ordinal);
        Assert.Contains("grades=A,B", table, StringComparison.Ordinal);
        Assert.Contains("entry 1234", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PrintsJson_WhenJsonIsAsked()
    {
        await using var gateway = await FakeGateway.StartAsync(() => SignedAnswers.Create(_key), SignedAnswers.KeysOf(_key));

        Assert.Equal(ExitCodes.Success, await RunAsync(gateway, "--check", "court.notDishonestDebtor", "--json"));
        using var json = System.Text.Json.JsonDocument.Parse(_output.ToString());
        Assert.Equal("vrf_0001", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Verify_Returns1AndPrintsNoResult_WhenTheAnswerWasTampered()
    {
        var tampered = SignedAnswers.Create(_key);
        tampered = tampered with { Results = [tampered.Results[0] with { Result = "false" }, .. tampered.Results.Skip(1)] };
        await using var gateway = await FakeGateway.StartAsync(() => tampered, SignedAnswers.KeysOf(_key));

        var code = await RunAsync(gateway, "--check", "tax.paid12mAtLeast:amountCny=300000");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains(AttestationFailure.PayloadMismatch, _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task Verify_Returns1_WhenTheJwksDoesNotHoldTheSigningKey()
    {
        using var other = EcSigningKey.Generate();
        await using var gateway = await FakeGateway.StartAsync(() => SignedAnswers.Create(_key), SignedAnswers.KeysOf(other));

        Assert.Equal(ExitCodes.Refused, await RunAsync(gateway, "--check", "court.notDishonestDebtor"));
        Assert.Contains(AttestationFailure.BadSignature, _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Returns2_WhenNoTokenIsGiven()
    {
        var root = new RootCommand { VerifyCommand.Create(_ => null) };
        var args = new[] { "verify", "--gateway", "http://127.0.0.1:9", "--subject", "91110108PDY00001XU", "--purpose", "pre-loan", "--check", "ent.active", "--token", " " };

        var code = await DgApp.RunAsync(root, args, new InvocationConfiguration { Output = _output, Error = _error }, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("DG_TOKEN", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UsesTheEnvironment_WhenNoGatewayOrTokenOptionIsGiven()
    {
        await using var gateway = await FakeGateway.StartAsync(() => SignedAnswers.Create(_key), SignedAnswers.KeysOf(_key));
        var environment = new Dictionary<string, string> { ["DG_GATEWAY"] = gateway.Address, ["DG_TOKEN"] = "env-token" };
        var root = new RootCommand { VerifyCommand.Create(name => environment.GetValueOrDefault(name)) };
        var args = new[] { "verify", "--subject", "91110108PDY00001XU", "--purpose", "pre-loan", "--check", "ent.active" };

        var code = await DgApp.RunAsync(root, args, new InvocationConfiguration { Output = _output, Error = _error }, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Bearer env-token", Assert.Single(gateway.Authorizations));
    }

    private Task<int> RunAsync(FakeGateway gateway, params string[] checks)
    {
        var root = new RootCommand { VerifyCommand.Create(_ => null) };
        string[] args = ["verify", "--gateway", gateway.Address, "--token", "test-token", "--subject", "91110108PDY00001XU", "--purpose", "pre-loan", .. checks];
        return DgApp.RunAsync(root, args, new InvocationConfiguration { Output = _output, Error = _error }, TestContext.Current.CancellationToken);
    }
}

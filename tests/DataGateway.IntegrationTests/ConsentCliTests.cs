using System.CommandLine;
using System.Text.Json;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.IntegrationTests.Support;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary><c>dg consent</c> against a real gateway: an owner grants, lists, revokes and reads its history.</summary>
public sealed class ConsentCliTests : IAsyncLifetime
{
    private static readonly string Subject = GroundTruth.All[50].Uscc;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync(autoConsent: false);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ConsentCommands_GrantListRevokeAndHistory_WorkForTheOwner()
    {
        var (code, grantJson, _) = await RunAsync("grant", "--inst", "bank-001", "--purpose", "pre-loan", "--category", "registration", "--days", "30", "--json");
        Assert.Equal(ExitCodes.Success, code);
        var id = JsonDocument.Parse(grantJson).RootElement.GetProperty("id").GetString()!;

        var (listCode, table, _) = await RunAsync("list", "--status", "active");
        Assert.Equal(ExitCodes.Success, listCode);
        Assert.Contains(id, table, StringComparison.Ordinal);
        Assert.Contains("registration", table, StringComparison.Ordinal);

        using (var allowed = await VerifyAsync(_harness, Subject))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);
        }

        var (revokeCode, revoked, _) = await RunAsync("revoke", id, "--reason", "loan repaid");
        Assert.Equal(ExitCodes.Success, revokeCode);
        Assert.Contains("revoked", revoked, StringComparison.Ordinal);
        Assert.Contains("receipt verified", revoked, StringComparison.Ordinal);

        var (historyCode, history, _) = await RunAsync("history");
        Assert.Equal(ExitCodes.Success, historyCode);
        Assert.Contains("consent.grant", history, StringComparison.Ordinal);
        Assert.Contains("consent.revoke", history, StringComparison.Ordinal);
        Assert.Contains("verification", history, StringComparison.Ordinal);

        var (showCode, _, error) = await RunAsync("show", "cns_unknown");
        Assert.Equal(ExitCodes.Refused, showCode);
        Assert.Contains("consent_not_found", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ConsentCommand.Create(_ => null) };
        string[] full = ["consent", .. args, "--gateway", _harness.GatewayAddress, "--token", Owner(_harness, Subject)];
        var code = await DgApp.RunAsync(root, full, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

using System.CommandLine;
using System.Text.Json;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary><c>dg aggregate</c> against a real gateway and node: table, JSON, refusals and usage errors.</summary>
public sealed class AggregateCliTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Aggregate_PrintsEveryGroupAndTheBudget_AsATable()
    {
        var (code, output, error) = await RunAsync("--metric", "mean", "--field", "tax.paid12m", "--group-by", "registration.province", "--epsilon", "0.5");

        Assert.True(code == ExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("registration.province", lines[0], StringComparison.Ordinal);
        Assert.Contains("mean(tax.paid12m)", lines[0], StringComparison.Ordinal);
        Assert.Equal(DataGateway.Core.Catalog.FieldCatalog.Provinces, lines.Skip(1).Take(31).Select(l => l[..2]));
        Assert.StartsWith("31 groups", lines[32], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith(AggregateTable.Suppressed, StringComparison.Ordinal)); // 400 records over 31 provinces
        Assert.Contains("epsilon spent: 0.5", output, StringComparison.Ordinal);
        Assert.Contains("budget remaining: 2.5", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aggregate_PrintsTheAnswerAsJson_WithFilter()
    {
        var (code, output, error) = await RunAsync("--metric", "count", "--group-by", "tax.grade", "--filter", "tax.grade=A,B", "--epsilon", "0.1", "--json");

        Assert.True(code == ExitCodes.Success, error);
        var body = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, body.GetProperty("groups").GetArrayLength());
        Assert.Equal(0.1m, body.GetProperty("epsilonSpent").GetDecimal());
    }

    [Theory]
    [InlineData(ExitCodes.Refused, "epsilon_out_of_range", "--metric", "count", "--epsilon", "5")]
    [InlineData(ExitCodes.Refused, "unknown_dimension", "--metric", "count", "--group-by", "registration.division", "--epsilon", "0.1")]
    [InlineData(ExitCodes.Usage, "--epsilon", "--metric", "count", "--epsilon", "a lot")]
    [InlineData(ExitCodes.Usage, "--filter", "--metric", "count", "--filter", "tax.grade", "--epsilon", "0.1")]
    [InlineData(ExitCodes.Usage, "", "--metric", "median", "--epsilon", "0.1")]
    public async Task Aggregate_ExitsWithTheDocumentedCode_WhenRefusedOrMisused(int expected, string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(expected, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0, await AggregateCalls.SpentAsync(_harness, "bank-001"));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { AggregateCommand.Create(_ => null) };
        string[] full = ["aggregate", .. args, "--gateway", _harness.GatewayAddress, "--token", _harness.TokenFor()];
        var code = await DgApp.RunAsync(root, full, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

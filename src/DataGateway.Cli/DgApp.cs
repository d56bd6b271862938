using System.CommandLine;
using System.CommandLine.Invocation;
using DataGateway.Cli.Commands;

namespace DataGateway.Cli;

/// <summary>The <c>dg</c> root command and how its outcome maps to exit codes.</summary>
internal static class DgApp
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand CreateRootCommand() => new("dg: the DataGateway command-line tool.")
    {
        ServeCommand.Create(),
        CertsCommand.Create(),
        TokenCommand.Create(Environment.GetEnvironmentVariable),
        DatasetCommand.Create(),
        VerifyCommand.Create(),
        ConsentCommand.Create(),
        AuditCommand.Create(),
        KeysCommand.Create(),
        ModelsCommand.Create(),
        ScoreCommand.Create(),
        AggregateCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error exits 2, not System.CommandLine's
    /// default 1, because API.md reserves 1 for refusals by the gateway.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using DataGateway.Cli.Connection;
using DataGateway.Client;

namespace DataGateway.Cli.Commands;

/// <summary>
/// Runs one institution command against the gateway with the exit codes API.md promises: 2 when the
/// token or connection options are unusable, 1 when the gateway refuses or its answer cannot be used.
/// </summary>
internal static class InstitutionCall
{
    /// <summary>Connects, runs <paramref name="call"/>, and maps its failures to exit codes.</summary>
    /// <param name="parse">The parse result (for options and the output writers).</param>
    /// <param name="gateway">The shared gateway options.</param>
    /// <param name="call">The work; returns its own exit code.</param>
    public static async Task<int> RunAsync(ParseResult parse, GatewayOptions gateway, Func<DataGatewayClient, Task<int>> call)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (gateway.TokenOf(parse) is not { } token)
        {
            await stderr.WriteLineAsync("No bearer token: pass --token or set DG_TOKEN (development: `dg token --role institution --inst bank-001`).");
            return ExitCodes.Usage;
        }

        if (!gateway.TryCreateHttpClient(parse, out var http, out var connectionError))
        {
            await stderr.WriteLineAsync(connectionError);
            return ExitCodes.Usage;
        }

        using (http)
        {
            try
            {
                return await call(new DataGatewayClient(http!, token));
            }
            catch (DataGatewayProblemException problem)
            {
                await stderr.WriteLineAsync(Describe(problem));
                return ExitCodes.Refused;
            }
            catch (HttpRequestException e)
            {
                await stderr.WriteLineAsync($"cannot reach the gateway at {http!.BaseAddress}: {e.Message}");
                return ExitCodes.Refused;
            }
            catch (Exception e) when (e is InvalidDataException or CryptographicException)
            {
                // The gateway answered, but with something that is not a usable answer.
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Refused;
            }
        }
    }

    /// <summary>The one-line form of a refusal.</summary>
    public static string Describe(DataGatewayProblemException problem) =>
        $"refused: {problem.Status} {problem.Code}: {problem.Title}" +
        (problem.Detail is null ? string.Empty : $" ({problem.Detail})") +
        (problem.RetryAfter is { } wait ? $"; retry after {wait.TotalSeconds:0} s" : string.Empty);
}

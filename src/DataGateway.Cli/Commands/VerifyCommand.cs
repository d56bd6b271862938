using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Cli.Connection;
using DataGateway.Cli.Verification;
using DataGateway.Client;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg verify</c>: asks the gateway, checks the attestation and receipt against the gateway's
/// JWKS, and only then prints the answer; an answer that fails the check is never shown as one.
/// </summary>
internal static class VerifyCommand
{
    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var subject = new Option<string>("--subject") { Description = "The enterprise's unified social credit code.", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "The purpose of the query, e.g. pre-loan.", Required = true };
        var checks = new Option<string[]>("--check")
        {
            Description = "A check: predicate[:name=value[,name=value]], e.g. tax.paid12mAtLeast:amountCny=300000 (repeatable).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var gateway = new GatewayOptions(getEnvironmentVariable ?? Environment.GetEnvironmentVariable);
        var command = new Command("verify", "Ask the gateway to verify facts about an enterprise; checks the signed answer.") { subject, purpose, checks };
        gateway.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse, gateway, parse.GetValue(subject)!, parse.GetValue(purpose)!, parse.GetValue(checks) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, GatewayOptions gateway, string subject, string purpose, string[] specs, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var requested = new List<CheckRequest>(specs.Length);
        foreach (var spec in specs)
        {
            if (!CheckSpecParser.TryParse(spec, out var check, out var error))
            {
                await stderr.WriteLineAsync("--check: " + error);
                return ExitCodes.Usage;
            }

            requested.Add(check!);
        }

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
            var client = new DataGatewayClient(http!, token);
            VerificationResponse response;
            AttestationCheck check;
            try
            {
                response = await client.VerifyAsync(new VerificationRequest { Subject = subject, Purpose = purpose, Checks = requested }, cancellationToken);
                check = AttestationVerifier.Verify(response, await client.GetJwksAsync(cancellationToken));
            }
            catch (DataGatewayProblemException problem)
            {
                await stderr.WriteLineAsync($"refused: {problem.Status} {problem.Code}: {problem.Title}" +
                    (problem.Detail is null ? string.Empty : $" ({problem.Detail})") +
                    (problem.RetryAfter is { } wait ? $"; retry after {wait.TotalSeconds:0} s" : string.Empty));
                return ExitCodes.Refused;
            }
            catch (HttpRequestException e)
            {
                await stderr.WriteLineAsync($"cannot reach the gateway at {http!.BaseAddress}: {e.Message}");
                return ExitCodes.Refused;
            }
            catch (InvalidDataException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Refused;
            }

            if (!check.Ok)
            {
                await stderr.WriteLineAsync($"The gateway's answer FAILED verification ({check.Reason}{(check.Field is null ? string.Empty : ": " + check.Field)}); it is not shown because it cannot be trusted.");
                return ExitCodes.Refused;
            }

            if (parse.GetValue(gateway.Json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(response, OutputJson));
            }
            else
            {
                VerificationTable.Write(stdout, response);
            }

            return ExitCodes.Success;
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Cli.Connection;
using DataGateway.Client;
using DataGateway.Core.Contracts;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg consent grant|list|show|revoke|history</c>: the owner's side of consent (API.md "Consent").
/// Receipts of grants and revocations are checked against the gateway's JWKS before they are shown.
/// </summary>
internal static class ConsentCommand
{
    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var env = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        return new Command("consent", "Grant, list, show and revoke your enterprise's consents; read who asked about it.")
        {
            Grant(new GatewayOptions(env)),
            List(new GatewayOptions(env)),
            Show(new GatewayOptions(env)),
            Revoke(new GatewayOptions(env)),
            History(new GatewayOptions(env)),
        };
    }

    private static Command Grant(GatewayOptions gateway)
    {
        var institution = new Option<string>("--inst") { Description = "The institution to authorize, e.g. bank-001.", Required = true };
        var purposes = new Option<string[]>("--purpose") { Description = "A purpose covered (repeatable), e.g. pre-loan.", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "verify or score (repeatable; default verify)." };
        var categories = new Option<string[]>("--category") { Description = "A data category covered (repeatable; default all the purposes allow)." };
        var days = new Option<int>("--days") { Description = "Term in days from now.", Required = true };
        var maxQueries = new Option<int?>("--max-queries") { Description = "Most queries the consent allows." };
        var command = new Command("grant", "Authorize an institution to ask about your enterprise.") { institution, purposes, scopes, categories, days, maxQueries };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, gateway, async (client, output) =>
        {
            var request = new ConsentRequest
            {
                Institution = parse.GetValue(institution),
                Purposes = parse.GetValue(purposes),
                Scopes = parse.GetValue(scopes) is { Length: > 0 } s ? s : null,
                Categories = parse.GetValue(categories) is { Length: > 0 } c ? c : null,
                ExpiresAt = TimeProvider.System.GetUtcNow().AddDays(parse.GetValue(days)), // the CLI user's clock; the gateway re-checks the term against its own
                MaxQueries = parse.GetValue(maxQueries),
            };
            return await WithReceiptAsync(client, await client.GrantConsentAsync(request, ct), ct);
        }, ct));
        return command;
    }

    private static Command List(GatewayOptions gateway)
    {
        var status = new Option<string?>("--status") { Description = "Only pending, active, revoked or expired grants." };
        var command = new Command("list", "List your enterprise's consents.") { status };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, gateway, async (client, _) => (object)await client.ListConsentsAsync(parse.GetValue(status), ct), ct));
        return command;
    }

    private static Command Show(GatewayOptions gateway)
    {
        var id = new Argument<string>("id") { Description = "The consent id (cns_…)." };
        var command = new Command("show", "Show one consent.") { id };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, gateway, async (client, _) => (object)await client.GetConsentAsync(parse.GetValue(id)!, ct), ct));
        return command;
    }

    private static Command Revoke(GatewayOptions gateway)
    {
        var id = new Argument<string>("id") { Description = "The consent id (cns_…)." };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the consent)." };
        var command = new Command("revoke", "Revoke a consent for every query that starts from now.") { id, reason };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, gateway, async (client, _) =>
            await WithReceiptAsync(client, await client.RevokeConsentAsync(parse.GetValue(id)!, parse.GetValue(reason), ct), ct), ct));
        return command;
    }

    private static Command History(GatewayOptions gateway)
    {
        var cursor = new Option<string?>("--cursor") { Description = "Continue after this cursor (printed at the end of a page)." };
        var limit = new Option<int?>("--limit") { Description = "Events per page (1-200, default 50)." };
        var command = new Command("history", "Every audited event about your enterprise: who asked, when, why, and the outcome.") { cursor, limit };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, gateway, async (client, _) => (object)await client.GetAccessLogAsync(parse.GetValue(cursor), parse.GetValue(limit), ct), ct));
        return command;
    }

    private static async Task<object> WithReceiptAsync(DataGatewayClient client, ConsentView view, CancellationToken ct) =>
        ConsentReceiptVerifier.Verify(view, await client.GetJwksAsync(ct))
            ? view
            : throw new InvalidDataException("The consent receipt FAILED verification against the gateway's JWKS; the grant is not shown as confirmed.");

    private static async Task<int> RunAsync(ParseResult parse, GatewayOptions gateway, Func<DataGatewayClient, TextWriter, Task<object>> call, CancellationToken ct)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        if (gateway.TokenOf(parse) is not { } token)
        {
            await stderr.WriteLineAsync("No bearer token: pass --token or set DG_TOKEN (development: `dg token --role owner --uscc <code>`).");
            return ExitCodes.Usage;
        }

        if (!gateway.TryCreateHttpClient(parse, out var http, out var connectionError))
        {
            await stderr.WriteLineAsync(connectionError);
            return ExitCodes.Usage;
        }

        using (http)
        {
            object result;
            try
            {
                result = await call(new DataGatewayClient(http!, token), stdout);
            }
            catch (DataGatewayProblemException problem)
            {
                await stderr.WriteLineAsync($"refused: {problem.Status} {problem.Code}: {problem.Title}" + (problem.Detail is null ? string.Empty : $" ({problem.Detail})"));
                return ExitCodes.Refused;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidDataException)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Refused;
            }

            if (parse.GetValue(gateway.Json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), OutputJson));
            }
            else
            {
                ConsentTable.Write(stdout, result);
            }

            return ExitCodes.Success;
        }
    }
}

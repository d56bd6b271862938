using System.CommandLine;
using System.Globalization;
using DataGateway.Cli.Audit;
using DataGateway.Cli.Connection;
using DataGateway.Cryptography.Checkpoints;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg audit verify|export|checkpoint save</c>: the auditor's offline checks of the audit log
/// (API.md "Audit", docs/audit-export.md). verify never talks to the gateway except, if asked, to fetch its JWKS.
/// </summary>
internal static class AuditCommand
{
    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var env = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        return new Command("audit", "Verify audit exports offline, download exports, keep checkpoints.")
        {
            Verify(),
            Export(new GatewayOptions(env)),
            new Command("checkpoint", "Keep signed tree heads for later comparison.") { Save(new GatewayOptions(env)) },
        };
    }

    private static Option<string> OriginOption() => new("--origin")
    {
        Description = "The log's checkpoint origin (the note key name).",
        DefaultValueFactory = _ => AuditKeys.DefaultOrigin,
    };

    private static Command Verify()
    {
        var export = new Argument<FileInfo>("export") { Description = "The NDJSON export (dg audit export, or GET /v1/audit/export)." };
        var jwks = new Option<string>("--jwks") { Description = "The gateway's JWKS: a file or an http(s) URL.", Required = true };
        var saved = new Option<string?>("--checkpoint") { Description = "A checkpoint saved earlier (dg audit checkpoint save): detects truncation and rewrites." };
        var ca = new Option<string?>("--ca") { Description = "PEM CA to trust when --jwks is an https URL (development)." };
        var origin = OriginOption();
        var command = new Command("verify", "Recompute every entry, the tree and the signature of an export; name the first bad entry.") { export, jwks, saved, ca, origin };
        command.SetAction(async (parse, ct) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var name = parse.GetValue(origin)!;
            IReadOnlyCollection<NoteVerificationKey> keys;
            Checkpoint? old = null;
            try
            {
                keys = await AuditKeys.LoadAsync(parse.GetValue(jwks)!, name, parse.GetValue(ca), ct);
                if (parse.GetValue(saved) is { } savedPath)
                {
                    old = AuditKeys.ReadSaved(savedPath, name, keys).Checkpoint;
                }
            }
            catch (InvalidDataException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }

            AuditExportResult result;
            try
            {
                await using var file = new FileStream(parse.GetValue(export)!.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                using var verifier = new AuditExportVerifier(keys, name, old, count => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verified {count} entries…")));
                result = verifier.Verify(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{parse.GetValue(export)!.Name}: cannot be read ({e.GetType().Name}).");
                return ExitCodes.Usage;
            }

            if (!result.Ok)
            {
                await stderr.WriteLineAsync("audit export FAILED verification: " + result);
                return ExitCodes.Refused;
            }

            await stdout.WriteLineAsync(result.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(GatewayOptions gateway)
    {
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var from = new Option<long?>("--from") { Description = "First entry index (default 0)." };
        var to = new Option<long?>("--to") { Description = "One past the last entry index (default: the current checkpoint's size)." };
        var command = new Command("export", "Download an export of the audit log: entries, then the checkpoint and proofs that cover them.") { output, from, to };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => WithGatewayAsync(parse, gateway, async (http, token) =>
        {
            var query = new List<string>();
            if (parse.GetValue(from) is { } f)
            {
                query.Add(string.Create(CultureInfo.InvariantCulture, $"from={f}"));
            }

            if (parse.GetValue(to) is { } t)
            {
                query.Add(string.Create(CultureInfo.InvariantCulture, $"to={t}"));
            }

            var path = parse.GetValue(output)!;
            using var response = await AuditHttp.GetAsync(http, token, "v1/audit/export" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), ct);
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await response.Content.CopyToAsync(file, ct);
            }

            return $"wrote {new FileInfo(path).Length} bytes to {path}";
        }, ct));
        return command;
    }

    private static Command Save(GatewayOptions gateway)
    {
        var output = new Option<string>("--out") { Description = "The checkpoint file; an older one there must be extended by the new one.", Required = true };
        var jwks = new Option<string?>("--jwks") { Description = "The JWKS (file or URL) to verify against (default: the gateway's /.well-known/jwks.json)." };
        var origin = OriginOption();
        var command = new Command("save", "Fetch, verify and keep the current signed tree head; refuse one inconsistent with the saved one.") { output, jwks, origin };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => WithGatewayAsync(parse, gateway, async (http, token) =>
        {
            var name = parse.GetValue(origin)!;
            var keys = await AuditKeys.LoadAsync(parse.GetValue(jwks) ?? new Uri(http.BaseAddress!, ".well-known/jwks.json").ToString(), name, parse.GetValue(gateway.Ca), ct);
            return await CheckpointSaver.SaveAsync(http, token, keys, name, parse.GetValue(output)!, ct);
        }, ct));
        return command;
    }

    private static async Task<int> WithGatewayAsync(ParseResult parse, GatewayOptions gateway, Func<HttpClient, string, Task<string>> call, CancellationToken ct)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        if (gateway.TokenOf(parse) is not { } token)
        {
            await stderr.WriteLineAsync("No bearer token: pass --token or set DG_TOKEN (development: `dg token --role auditor`).");
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
                await stdout.WriteLineAsync(await call(http!, token));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is InvalidDataException or HttpRequestException or IOException or UnauthorizedAccessException
                or FormatException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Refused;
            }
        }
    }
}

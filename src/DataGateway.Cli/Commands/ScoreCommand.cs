using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Cli.Connection;
using DataGateway.Client;
using DataGateway.Client.Models;
using DataGateway.Client.Scoring;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg score</c>: asks for encrypted scores of one or many subjects, decrypts them locally with the
/// bank's key, and prints the linear predictor, probability of default and scorecard points.
/// </summary>
/// <remarks>Exit 0 when every subject was scored, 1 when any was refused or overflowed (its line says why).</remarks>
internal static class ScoreCommand
{
    /// <summary>Subjects per batch request: the gateway's policy limit (API.md; policies/models.yaml).</summary>
    public const int BatchSize = 1000;

    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var keyFile = new Option<string>("--key") { Description = "Your Paillier key file; decrypts the scores locally.", Required = true };
        var model = new Option<string>("--model") { Description = "The registered model's id.", Required = true };
        var subject = new Option<string[]>("--subject") { Description = "An enterprise's unified social credit code (repeatable)." };
        var subjectsFile = new Option<string?>("--subjects-file") { Description = "A file of codes, one per line ('#' starts a comment); scored in batches." };
        var purpose = new Option<string>("--purpose") { Description = "The purpose of the query, e.g. pre-loan.", Required = true };
        var gateway = new GatewayOptions(getEnvironmentVariable ?? Environment.GetEnvironmentVariable);
        var command = new Command("score", "Score enterprises with an encrypted model; decrypts and prints the scores.") { keyFile, model, subject, subjectsFile, purpose };
        gateway.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryReadSubjects(parse.GetValue(subject) ?? [], parse.GetValue(subjectsFile), out var subjects, out var error))
            {
                await stderr.WriteLineAsync(error);
                return ExitCodes.Usage;
            }

            ScoreDecoder decoder;
            try
            {
                decoder = new ScoreDecoder(PaillierKeyFile.Read(parse.GetValue(keyFile)!));
            }
            catch (InvalidDataException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }

            var request = (Model: parse.GetValue(model)!, Purpose: parse.GetValue(purpose)!);
            return await InstitutionCall.RunAsync(parse, gateway, async client =>
            {
                var rows = subjects.Count == 1 && parse.GetValue(subjectsFile) is null
                    ? [await ScoreOneAsync(client, decoder, subjects[0], request, ct)]
                    : await ScoreBatchesAsync(client, decoder, subjects, request, ct);
                if (parse.GetValue(gateway.Json))
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(rows, ModelsCommand.OutputJson));
                }
                else
                {
                    ScoreTable.Write(parse.InvocationConfiguration.Output, request.Model, rows);
                }

                return rows.All(r => r.Ok) ? ExitCodes.Success : ExitCodes.Refused;
            });
        });
        return command;
    }

    private static async Task<ScoreRow> ScoreOneAsync(DataGatewayClient client, ScoreDecoder decoder, string subject, (string Model, string Purpose) request, CancellationToken ct)
    {
        var answer = await client.ScoreAsync(new ScoreRequest { Subject = subject, Purpose = request.Purpose, Model = request.Model }, ct);
        return answer.Scale > 0
            ? ScoreRow.Scored(subject, answer.Id, decoder.Decode(answer.Ciphertext, answer.Scale))
            : throw new InvalidDataException("The gateway's score carries no positive scale; it cannot be decoded.");
    }

    private static async Task<List<ScoreRow>> ScoreBatchesAsync(DataGatewayClient client, ScoreDecoder decoder, IReadOnlyList<string> subjects, (string Model, string Purpose) request, CancellationToken ct)
    {
        var rows = new List<ScoreRow>(subjects.Count);
        foreach (var chunk in subjects.Chunk(BatchSize))
        {
            var answer = await client.ScoreBatchAsync(new BatchScoreRequest { Subjects = chunk, Purpose = request.Purpose, Model = request.Model }, ct);
            rows.AddRange(answer.Results.Select(item => Row(decoder, item)));
        }

        return rows;
    }

    private static ScoreRow Row(ScoreDecoder decoder, BatchScoreItem item)
    {
        if (item.Problem is { } problem)
        {
            return ScoreRow.Refused(item.Subject, problem.Code);
        }

        if (item is not { Id: { } id, Ciphertext: { } ciphertext, Scale: { } scale })
        {
            return ScoreRow.Refused(item.Subject, "invalid_answer: neither a score nor a problem");
        }

        try
        {
            return ScoreRow.Scored(item.Subject, id, decoder.Decode(ciphertext, scale));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentOutOfRangeException)
        {
            // One malformed entry must not hide the other subjects' scores.
            return ScoreRow.Refused(item.Subject, "invalid_answer: " + e.Message);
        }
    }

    private static bool TryReadSubjects(string[] given, string? file, out List<string> subjects, out string? error)
    {
        subjects = [.. given.Select(s => s.Trim()).Where(s => s.Length > 0)];
        error = null;
        if (file is not null)
        {
            try
            {
                subjects.AddRange(File.ReadLines(file)
                    .Select(line => (line.Contains('#', StringComparison.Ordinal) ? line[..line.IndexOf('#', StringComparison.Ordinal)] : line).Trim())
                    .Where(line => line.Length > 0));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"--subjects-file {file}: cannot be read ({e.Message}).";
                return false;
            }
        }

        if (subjects.Count == 0)
        {
            error = "Name the enterprises to score with --subject CODE or --subjects-file FILE.";
            return false;
        }

        return true;
    }
}

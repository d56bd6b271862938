using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Cli.Connection;
using DataGateway.Client.Scoring;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg models register|list|show|delete</c>: the institution's encrypted models (API.md "Models and
/// encrypted scores"). Registration encrypts the plaintext model file locally; only ciphertexts are sent.
/// </summary>
internal static class ModelsCommand
{
    /// <summary>How <c>--json</c> prints answers.</summary>
    internal static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN; the process environment by default.</param>
    public static Command Create(Func<string, string?>? getEnvironmentVariable = null)
    {
        var env = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        return new Command("models", "Register, list, show and delete your institution's encrypted models.")
        {
            Register(new GatewayOptions(env)),
            List(new GatewayOptions(env)),
            Show(new GatewayOptions(env)),
            Delete(new GatewayOptions(env)),
        };
    }

    private static Command Register(GatewayOptions gateway)
    {
        var keyFile = new Option<string>("--key") { Description = "Your Paillier key file (dg keys generate).", Required = true };
        var modelFile = new Option<string>("--model") { Description = "The plaintext model file (JSON: id, scale, features, weights, bias).", Required = true };
        var command = new Command("register", "Encrypt a plaintext model locally and register it.") { keyFile, modelFile };
        gateway.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            EncryptedModel encrypted;
            try
            {
                var key = PaillierKeyFile.Read(parse.GetValue(keyFile)!);
                var model = PlainModelReader.ReadFile(parse.GetValue(modelFile)!);
                encrypted = ModelEncryptor.Encrypt(model, key.PublicKey);
            }
            catch (InvalidDataException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            catch (PlainModelException e)
            {
                await stderr.WriteLineAsync($"{parse.GetValue(modelFile)}: {e.Message}");
                return ExitCodes.Usage;
            }

            foreach (var warning in encrypted.Warnings)
            {
                await stderr.WriteLineAsync("warning: " + warning);
            }

            return await InstitutionCall.RunAsync(parse, gateway, async client =>
            {
                var view = await client.RegisterModelAsync(encrypted.Registration, ct);
                await WriteAsync(parse, gateway, view, () => ModelTable.WriteRegistered(parse.InvocationConfiguration.Output, view));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command List(GatewayOptions gateway)
    {
        var command = new Command("list", "List your institution's models.");
        gateway.AddTo(command);
        command.SetAction((parse, ct) => InstitutionCall.RunAsync(parse, gateway, async client =>
        {
            var list = await client.ListModelsAsync(ct);
            await WriteAsync(parse, gateway, list, () => ModelTable.WriteList(parse.InvocationConfiguration.Output, list));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(GatewayOptions gateway)
    {
        var id = new Argument<string>("id") { Description = "The model id." };
        var command = new Command("show", "Show one model: features, scale, key and commitment.") { id };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => InstitutionCall.RunAsync(parse, gateway, async client =>
        {
            var view = await client.GetModelAsync(parse.GetValue(id)!, ct);
            await WriteAsync(parse, gateway, view, () => ModelTable.WriteOne(parse.InvocationConfiguration.Output, view));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Delete(GatewayOptions gateway)
    {
        var id = new Argument<string>("id") { Description = "The model id." };
        var command = new Command("delete", "Delete a model: no further scores with it; its id is never reused.") { id };
        gateway.AddTo(command);
        command.SetAction((parse, ct) => InstitutionCall.RunAsync(parse, gateway, async client =>
        {
            var model = parse.GetValue(id)!;
            await client.DeleteModelAsync(model, ct);
            await WriteAsync(parse, gateway, new { id = model, deleted = true }, () => parse.InvocationConfiguration.Output.WriteLine($"deleted model {model}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task WriteAsync(ParseResult parse, GatewayOptions gateway, object answer, Action table)
    {
        if (parse.GetValue(gateway.Json))
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(answer, answer.GetType(), OutputJson));
        }
        else
        {
            table();
        }
    }
}

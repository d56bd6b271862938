using System.CommandLine;
using System.Globalization;
using DataGateway.Cli.Serving;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;

namespace DataGateway.Cli.Commands;

/// <summary><c>dg dataset generate</c> and <c>dg dataset subjects</c>: a node's synthetic dataset (operator tools).</summary>
internal static class DatasetCommand
{
    public static Command Create() => new("dataset", "A data node's synthetic dataset.") { CreateGenerate(), CreateSubjects() };

    private static Command CreateGenerate()
    {
        var output = new Option<string>("--out") { Description = "Directory to write enterprises.db into.", Required = true };
        var enterprises = new Option<int>("--enterprises") { Description = "Number of enterprises.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed gives the same dataset.", DefaultValueFactory = _ => DatasetSpec.DefaultSeed };
        var hmacKey = new Option<string>("--hmac-key") { Description = "Platform HMAC key file (base64).", DefaultValueFactory = _ => Path.Combine("certs-dev", "platform-hmac.key") };
        var asOf = new Option<string?>("--as-of") { Description = "Date the data is current to (yyyy-MM-dd); yesterday (UTC) by default." };
        var command = new Command("generate", "Generate a node's dataset; progress on stderr.") { output, enterprises, seed, hmacKey, asOf };
        command.SetAction((parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var count = parse.GetValue(enterprises);
            if (count < 1)
            {
                stderr.WriteLine("--enterprises must be at least 1.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!TryReadDate(parse.GetValue(asOf), out var date))
            {
                stderr.WriteLine("--as-of must be a date written yyyy-MM-dd.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!TryReadHmacKey(parse.GetValue(hmacKey)!, stderr, out var key))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            var spec = new DatasetSpec(count, parse.GetValue(seed), date);
            var path = DatasetWriter.Write(parse.GetValue(output)!, spec, new PersonalDataHmac(key), new ConsoleProgress("dataset"), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {count:N0} enterprises (seed {spec.Seed}, as of {spec.AsOf:yyyy-MM-dd}) to {path}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateSubjects()
    {
        var data = new Option<string>("--data") { Description = "Directory holding enterprises.db.", DefaultValueFactory = _ => "data" };
        var count = new Option<int>("--count") { Description = "How many subject codes to print.", DefaultValueFactory = _ => 10 };
        var command = new Command("subjects", "Print subject codes from the local store (operator tool).") { data, count };
        command.SetAction(parse =>
        {
            if (parse.GetValue(count) < 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("--count must not be negative.");
                return ExitCodes.Usage;
            }

            var directory = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(directory, DatasetWriter.FileName)))
            {
                parse.InvocationConfiguration.Error.WriteLine($"No dataset in {directory}/; create one with `dg dataset generate --out {directory}` (or `dg serve`).");
                return ExitCodes.Usage;
            }

            using var store = SqliteEnterpriseStore.Open(directory);
            foreach (var subject in store.Subjects(parse.GetValue(count)))
            {
                parse.InvocationConfiguration.Output.WriteLine(subject);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryReadDate(string? text, out DateOnly date)
    {
        if (text is null)
        {
            // Same default as dg serve: the data is current to the end of yesterday (UTC).
            date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryReadHmacKey(string path, TextWriter stderr, out byte[] key)
    {
        key = [];
        if (!File.Exists(path))
        {
            stderr.WriteLine($"The platform HMAC key {path} does not exist; create development key material with `dg certs dev` or pass --hmac-key FILE.");
            return false;
        }

        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            stderr.WriteLine($"{path} is not a base64 key.");
            return false;
        }

        if (key.Length < PersonalDataHmac.MinimumKeySizeInBytes)
        {
            stderr.WriteLine($"{path} holds {key.Length} bytes; at least {PersonalDataHmac.MinimumKeySizeInBytes} are required.");
            return false;
        }

        return true;
    }
}

using System.CommandLine;
using System.Diagnostics;
using DataGateway.Client.Scoring;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Cli.Commands;

/// <summary>
/// <c>dg keys generate</c>: an institution's Paillier key pair, written owner-only. The private key
/// never leaves the bank; models are encrypted under its public half and scores decrypted with it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The key file to write (JSON, mode 0600).", Required = true };
        var bits = new Option<int>("--bits") { Description = "Modulus size: 2048, 3072 or 4096.", DefaultValueFactory = _ => PaillierKeyGenerator.DefaultModulusBits };
        var force = new Option<bool>("--force") { Description = "Replace an existing key file (models registered under the old key can no longer be read)." };
        var generate = new Command("generate", "Generate a Paillier key pair; progress on stderr.") { output, bits, force };
        generate.SetAction((parse, cancellationToken) => GenerateAsync(parse, parse.GetValue(output)!, parse.GetValue(bits), parse.GetValue(force), cancellationToken));
        return new Command("keys", "The institution's Paillier keys for encrypted scoring.") { generate };
    }

    private static async Task<int> GenerateAsync(ParseResult parse, string path, int bits, bool force, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        if (bits is not (2048 or 3072 or 4096))
        {
            await stderr.WriteLineAsync($"--bits must be 2048, 3072 or 4096 (at least {PaillierKeyPolicy.ProductionMinimumBits}: NIST SP 800-57).");
            return ExitCodes.Usage;
        }

        if (!force && File.Exists(path))
        {
            await stderr.WriteLineAsync($"{path} exists; pass --force to replace it.");
            return ExitCodes.Usage;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
        {
            await stderr.WriteLineAsync($"The directory {directory} does not exist.");
            return ExitCodes.Usage;
        }

        var key = await SearchWithProgressAsync(bits, stderr, cancellationToken);
        try
        {
            PaillierKeyFile.Write(path, key, force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"cannot write {path}: {e.Message}");
            return ExitCodes.Usage;
        }

        await stdout.WriteLineAsync($"wrote a {bits}-bit Paillier key to {path} (readable by you only).");
        await stdout.WriteLineAsync($"public key fingerprint {PaillierKeyFile.Fingerprint(key.PublicKey.ToBase64Url())}");
        await stdout.WriteLineAsync("Keep the file secret and backed up: it alone decrypts the scores of models registered under it.");
        return ExitCodes.Success;
    }

    // BouncyCastle's prime search reports nothing, and takes seconds to a minute at 4096 bits: an
    // elapsed-time line shows the command is working, not hung.
    private static async Task<PaillierPrivateKey> SearchWithProgressAsync(int bits, TextWriter stderr, CancellationToken cancellationToken)
    {
        var search = Task.Run(() => PaillierKeyGenerator.Generate(bits), cancellationToken);
        var clock = Stopwatch.StartNew();
        while (await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)) != search)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await stderr.WriteAsync($"\rsearching for two {bits / 2}-bit primes... {clock.Elapsed.TotalSeconds:0} s");
        }

        await stderr.WriteLineAsync($"\rfound two {bits / 2}-bit primes in {clock.Elapsed.TotalSeconds:0.0} s.   ");
        return await search;
    }
}

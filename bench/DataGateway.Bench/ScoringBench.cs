using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Cryptography.Signing;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Hosting;
using DataGateway.Node;

namespace DataGateway.Bench;

/// <summary>
/// Issue 5's end-to-end figure: re-randomised 40-feature Paillier-2048 scores per second through
/// <c>POST /v1/scores/batch</c> (JWT, consent and limit per subject, ticket, node, egress guard, one
/// durable audit entry per subject), with a decrypted sample checked against the plaintext predictor.
/// </summary>
internal static class ScoringBench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        var work = Path.Combine(Path.GetTempPath(), "dg-bench-scores-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return await RunInAsync(work, options, ClientsOption(args));
        }
        finally
        {
            // About 60 MB per run (dataset, audit log of every score); the hosts are stopped by now.
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string work, BenchOptions options, int clients)
    {
        Console.Error.WriteLine($"bench: preparing {options.Enterprises:N0} enterprises in {work}");
        using var keys = DevKeyMaterial.EnsureCreated(Path.Combine(work, "certs"), ["bank-001", "bank-002"], TimeProvider.System);
        var data = Path.Combine(work, "data");
        DatasetWriter.Write(data, new DatasetSpec(options.Enterprises, DatasetSpec.DefaultSeed, new DateOnly(2026, 10, 31)), new PersonalDataHmac(keys.PlatformHmacKey));
        using var store = SqliteEnterpriseStore.Open(data);
        var subjects = store.Subjects(options.Enterprises);
        var records = subjects.ToDictionary(s => s, s => store.TryGet(s, out var r) ? r : throw new InvalidOperationException("A listed subject has no record."), StringComparer.Ordinal);

        Console.Error.WriteLine("bench: generating the 2048-bit Paillier key and encrypting the model");
        var model = ScoringBenchModel.Create(records.Values.ToArray(), store.AsOf);
        Console.Error.WriteLine($"bench: {model.Candidates} scorable features and indicators present in every record; the model uses {model.Features.Length}: {string.Join(", ", model.Features)}");

        Console.Error.WriteLine("bench: node compute per score, in process, before the hosts start");
        var compute = ScoringComputeProbe.Run(model, subjects.Take(1000).Select(s => model.EncodeFeatures(records[s], store.AsOf)).ToArray());

        await using var node = NodeApplication.Build(new NodeSettings { NodeId = "node-1", DataDirectory = data, TicketKey = NodeTicketCodec.DeriveNodeKey(keys.TicketSecret, "node-1"), Urls = "http://127.0.0.1:0" });
        await node.StartAsync();
        await using var gateway = await GatewayApplication.BuildAsync(new GatewaySettings
        {
            Urls = "http://127.0.0.1:0",
            PoliciesDirectory = CopyPoliciesWithoutLimits(work),
            AuditDatabasePath = Path.Combine(work, "audit.db"),
            TokenValidationKey = TokenValidationKeys.FromPublicPem(keys.TokenSigningKey.ExportPublicKeyPem()),
            AttestationKey = keys.AttestationKey,
            TicketSecret = keys.TicketSecret,
            PlatformHmacKey = keys.PlatformHmacKey,
            CheckpointSeed = keys.CheckpointSeed,
            Nodes = [new NodeEndpoint("node-1", node.Urls.First())],
            WatchPolicies = false,
        }, builder => builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning");
        await gateway.StartAsync();

        var address = new Uri(gateway.Urls.First());
        var token = DevTokenMinter.Mint(keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(2), TimeProvider.System);
        using (var setup = new HttpClient { BaseAddress = address })
        {
            await RegisterAsync(setup, token, model);
            await GrantScoreConsentAsync(setup, keys.TokenSigningKey, subjects);
        }

        Console.Error.WriteLine($"bench: {clients} clients, batches of {ScoringLoad.BatchSize}, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s");
        var load = await ScoringLoad.RunAsync(address, token, subjects, clients, options.Warmup, options.Duration);
        var wrong = load.Samples.Count(s => !Decrypts(model, s.Ciphertext, model.Predictor(records[s.Subject], store.AsOf)));

        Console.WriteLine(Report(options, clients, model, load, wrong, compute));
        return load.FailedBatches == 0 && load.Problems == 0 && wrong == 0 && load.Samples.Count > 0 ? 0 : 1;
    }

    private static string Report(
        BenchOptions options, int clients, ScoringBenchModel model, ScoringLoadResult load, int wrong,
        IReadOnlyList<ComputeFigure> compute)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"| POST /v1/scores/batch ({clients} clients x {ScoringLoad.BatchSize} subjects, {options.Duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores, n = {model.Key.ModulusBits}, {model.Features.Length} features) | value |"),
            "|---|---:|",
            string.Create(CultureInfo.InvariantCulture, $"| re-randomised scores/s end to end (target >= 1,000) | {load.ScoresPerSecond:0} |"),
            string.Create(CultureInfo.InvariantCulture, $"| batches measured | {load.BatchLatenciesMs.Count} |"),
            string.Create(CultureInfo.InvariantCulture, $"| batch latency p50 / p99 ms | {load.Percentile(0.50):0} / {load.Percentile(0.99):0} |"),
            string.Create(CultureInfo.InvariantCulture, $"| bench process CPU per score (gateway + node + client), µs | {load.ProcessCpu.TotalMicroseconds / Math.Max(1, load.Scores):0} |"),
            string.Create(CultureInfo.InvariantCulture, $"| failed batches / per-subject problems | {load.FailedBatches} / {load.Problems} |"),
            string.Create(CultureInfo.InvariantCulture, $"| decrypted sample equal to the plaintext predictor | {load.Samples.Count - wrong} of {load.Samples.Count} |"),
            string.Empty,
            "| node compute per score, one thread, CPU ms (wall ms) | 40-feature score | pooled E(0) | sum |",
            "|---|---:|---:|---:|",
        };
        lines.AddRange(compute.Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"| {c.Backend} | {c.ScoreCpuMs:0.00} ({c.ScoreWallMs:0.00}) | {c.ZeroCpuMs:0.00} ({c.ZeroWallMs:0.00}) | {c.ScoreCpuMs + c.ZeroCpuMs:0.00} ({c.ScoreWallMs + c.ZeroWallMs:0.00}) |")));
        return string.Join(Environment.NewLine, lines);
    }

    private static bool Decrypts(ScoringBenchModel model, string ciphertext, System.Numerics.BigInteger expected) =>
        model.Key.TryParseCiphertext(ciphertext, out var parsed) == PaillierCiphertextError.None
        && model.Secret.TryDecryptSigned(parsed!, out var value) && value == expected;

    private static async Task RegisterAsync(HttpClient client, string token, ScoringBenchModel model)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models") { Content = JsonContent.Create(model.RegistrationBody()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Model registration refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Every subject's owner grants bank-001 scope <c>score</c> through the real owner API (categories: the purpose's default, all).</summary>
    private static async Task GrantScoreConsentAsync(HttpClient client, EcSigningKey tokenKey, IReadOnlyList<string> subjects)
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddDays(300);
        var failures = 0;
        await Parallel.ForEachAsync(subjects, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (subject, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/consents")
            {
                Content = JsonContent.Create(new { institution = "bank-001", purposes = new[] { "pre-loan" }, scopes = new[] { "score" }, expiresAt }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevTokenMinter.Mint(tokenKey, "owner", null, subject, TimeSpan.FromHours(2), TimeProvider.System));
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Console.Error.WriteLine($"bench: {subjects.Count - failures:N0} score consents granted, {failures} refused");
    }

    /// <summary>The shipped policies with the per-subject limits raised: the bench scores each subject many times.</summary>
    private static string CopyPoliciesWithoutLimits(string work)
    {
        var target = Path.Combine(work, "policies");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "policies"), "*.yaml"))
        {
            var text = File.ReadAllText(file)
                .Replace("perSubjectPredicate: 10", "perSubjectPredicate: 1000000", StringComparison.Ordinal)
                .Replace("perSubjectModel: 10", "perSubjectModel: 1000000", StringComparison.Ordinal)
                .Replace("perSubject: 30", "perSubject: 1000000", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }

    private static int ClientsOption(string[] args)
    {
        var i = Array.IndexOf(args, "--clients");
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 3;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataGateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}

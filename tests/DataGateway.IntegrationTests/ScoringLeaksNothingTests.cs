using DataGateway.Client;
using DataGateway.Client.Models;
using DataGateway.Client.Scoring;
using DataGateway.Core.Records;
using DataGateway.Cryptography.Paillier;
using DataGateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Issue 5, last "What must hold": the gateway and node never log or store the weights in any form beyond
/// the registered ciphertexts, nor any feature value. A bank registers a model through the client SDK
/// (encrypted locally), scores one subject and a batch (with a refused and an incomplete subject), with logging
/// at Verbose (framework sources included) into log files; then every log file and every SQLite file of the run
/// is scanned (<see cref="LeakScanner"/>). A control plants the same kinds of value through the gateway's own
/// logger and into databases and shows the scan reports each one.
/// </summary>
/// <remarks>
/// Feature values are searched for where they are recognisable: amounts of six digits or more (five per
/// subject); 0/1 flags and small counts would match any log line and are not searched for.
/// </remarks>
[Collection(nameof(ScoringLeaksNothingTests))]
public sealed class ScoringLeaksNothingTests
{
    private const string Purpose = "pre-loan";

    // Features with values large enough to be recognisable anywhere (amounts in CNY), plus a headcount and an indicator.
    private static readonly string[] Features = ["tax.paid12m", "tax.sales12m", "utilities.electricityBill12m", "utilities.electricityKwh12m", "registration.capital", "social.headcount", "tax.grade=A"];
    private static readonly string[] Categories = ["tax", "utilities", "registration", "social"];

    // Distinctive 7-digit weights at scale 1e6: no log line or row has a reason to hold one by chance.
    private static readonly decimal[] Weights = [7.315529m, -4.682217m, 2.954083m, 5.527391m, -6.120749m, 3.871163m, -1.408817m];
    private const decimal Bias = -5.234871m;
    private const long Scale = 1_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterScoreAndBatch_LeaveNoWeightAndNoFeatureValue_InAnyLogOrDatabase()
    {
        var run = await RunScoringAsync(plant: false);

        Assert.True(run.FeatureNeedles >= 12, $"only {run.FeatureNeedles} feature values are recognisable: the scan would prove little");
        Assert.True(run.LogFiles.Count >= 1, "the hosts wrote log files");
        Assert.True(run.LogBytes > 10_000, "the verbose logs hold the run's events");
        Assert.True(run.Findings.Count == 0, "leaked:\n" + string.Join('\n', run.Findings));
    }

    [Fact]
    public async Task Control_TheScanFindsWeightsFeaturesAndCiphertexts_PlantedInALogAndADatabase()
    {
        var run = await RunScoringAsync(plant: true);

        // Each planted kind is reported, where it was planted and nowhere else.
        Assert.Contains(run.Findings, f => f.Contains("gateway-", StringComparison.Ordinal) && f.EndsWith("bytes: weight 0 scaled", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("gateway-", StringComparison.Ordinal) && f.EndsWith("bytes: weight 1 decimal", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("gateway-", StringComparison.Ordinal) && f.EndsWith("bytes: subject 0 tax.sales12m", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("gateway-", StringComparison.Ordinal) && f.EndsWith("bytes: weight ciphertext 2", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("planted.db: notes.amount: subject 1 tax.paid12m", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("planted.db: notes.blob: subject 2 utilities.electricityBill12m (binary)", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("planted.db: notes.text: bias ciphertext", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.Contains("models.db: planted_copy.copy: weight ciphertext 0", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Findings, f => f.Contains("models.db: models.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Findings, f => f.Contains("audit.db", StringComparison.Ordinal) || f.Contains("consent.db", StringComparison.Ordinal) || f.Contains("node-", StringComparison.Ordinal));
    }

    private static async Task<ScanRun> RunScoringAsync(bool plant)
    {
        var key = ScoringSteps.Key;
        var subjects = GroundTruth.All.Where(Scannable).Take(3).ToArray();
        Assert.Equal(3, subjects.Length);
        var incomplete = GroundTruth.First(r => r.TaxPaid12m is null || r.Sales12m is null || r.ElectricityKwh12m is null || r.Capital is null).Record;
        var unconsented = GroundTruth.All.First(r => r != incomplete && !subjects.Contains(r));
        var plain = new PlainModel { Id = "leak-v1", Scale = Scale, Features = Features, Weights = Weights, Bias = Bias };
        var registration = ModelEncryptor.Encrypt(plain, key.PublicKey).Registration;

        var harness = await GatewayHarness.StartAsync(autoConsent: false, logToFiles: true, configureGateway: builder =>
        {
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Verbose";
            foreach (var source in new[] { "Microsoft", "Microsoft.AspNetCore", "Yarp", "System.Net.Http" })
            {
                builder.Configuration[$"Serilog:MinimumLevel:Override:{source}"] = "Verbose";
            }
        });
        await using (harness)
        {
            foreach (var subject in subjects.Append(incomplete))
            {
                await ConsentSteps.GrantAsync(harness, subject.Uscc, ConsentSteps.GrantBody(harness, scopes: ["score"], categories: Categories));
            }

            using var http = new HttpClient { BaseAddress = new Uri(harness.GatewayAddress + "/") };
            var bank = new DataGatewayClient(http, ConsentSteps.Bank(harness));
            await bank.RegisterModelAsync(registration, Ct);
            await bank.GetModelAsync(plain.Id, Ct);

            var single = await bank.ScoreAsync(new ScoreRequest { Subject = subjects[0].Uscc, Purpose = Purpose, Model = plain.Id }, Ct);
            Assert.Equal(Predictor(subjects[0]), Decrypt(key, single.Ciphertext));
            var batch = await bank.ScoreBatchAsync(
                new BatchScoreRequest { Subjects = [.. subjects.Select(s => s.Uscc), incomplete.Uscc, unconsented.Uscc], Purpose = Purpose, Model = plain.Id }, Ct);
            for (var i = 0; i < subjects.Length; i++)
            {
                Assert.Equal(Predictor(subjects[i]), Decrypt(key, batch.Results[i].Ciphertext!));
            }

            Assert.Equal("feature_unavailable", batch.Results[3].Problem?.Code);
            Assert.Equal("consent_required", batch.Results[4].Problem?.Code);

            if (plant)
            {
                Plant(harness, subjects, registration);
            }

            await FlushLogsAsync(harness);
        }

        // Disposed: the databases are closed.
        var scanner = new LeakScanner();
        for (var i = 0; i < Weights.Length; i++)
        {
            scanner.Integer($"weight {i} scaled", (long)(Weights[i] * Scale)).Decimal($"weight {i} decimal", Weights[i]);
            scanner.Ciphertext($"weight ciphertext {i}", registration.Weights[i], registered: true);
        }

        scanner.Integer("bias scaled", (long)(Bias * Scale)).Decimal("bias decimal", Bias).Ciphertext("bias ciphertext", registration.Bias, registered: true);
        var featureNeedles = 0;
        foreach (var (record, index) in subjects.Append(incomplete).Select((r, i) => (r, i)))
        {
            // Only values recognisable as themselves: six digits or more and not round (a registered capital of
            // exactly 1,000,000 CNY equals the model's scale, which is stored by design).
            foreach (var (name, value) in Values(record).Where(v => v.Value is { } x && Math.Abs(x) >= 100_000 && x % 100_000 != 0))
            {
                scanner.Integer($"subject {index} {name}", value!.Value);
                featureNeedles++;
            }
        }

        var logs = Directory.GetFiles(harness.LogDirectory!);
        return new ScanRun(
            scanner.Scan(harness.WorkDirectory, Path.Combine(harness.WorkDirectory, "models.db")),
            featureNeedles,
            logs.Select(Path.GetFileName).ToList()!,
            logs.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>
    /// Waits until the log files hold a marker logged through each host's own logger factory after everything else,
    /// so the scan sees every event of the run. Disposal alone does not flush them, and the node's events land in
    /// the gateway's file: both hosts register Serilog as the static logger, so each host's loggers write to (and
    /// its disposal closes) whichever host registered last. The class runs alone so that host is this test's gateway.
    /// </summary>
    private static async Task FlushLogsAsync(GatewayHarness harness)
    {
        var marker = "leak-scan-end-" + Guid.NewGuid().ToString("N");
        foreach (var (services, component) in new[] { (harness.GatewayServices, "gateway"), (harness.NodeServices!, "node") })
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("LeakScan").LogWarning("{Marker}", $"{marker}-{component}");
            await Eventually.TrueAsync(
                () => Directory.GetFiles(harness.LogDirectory!).Any(file => ReadShared(file).Contains($"{marker}-{component}", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30), $"the {component}'s events never reached a log file under {harness.LogDirectory}: the scan could not see them", Ct);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The control's plants: through the gateway's real logger (so flushing and the file sink are exercised) and into SQLite.</summary>
    private static void Plant(GatewayHarness harness, EnterpriseRecord[] subjects, ModelRegistration registration)
    {
        var logger = harness.GatewayServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeakControl");
        logger.LogWarning("planted {Weight} {Decimal} {Sales} {Ciphertext}", (long)(Weights[0] * Scale), Weights[1], subjects[0].Sales12m, registration.Weights[2]);

        using (var planted = Open(Path.Combine(harness.WorkDirectory, "planted.db")))
        {
            Execute(planted, "CREATE TABLE notes (amount INTEGER, blob BLOB, text TEXT)");
            using var insert = planted.CreateCommand();
            insert.CommandText = "INSERT INTO notes VALUES ($amount, $blob, $text)";
            insert.Parameters.AddWithValue("$amount", subjects[1].TaxPaid12m!.Value);
            insert.Parameters.AddWithValue("$blob", BitConverter.GetBytes(subjects[2].ElectricityBill12m!.Value));
            insert.Parameters.AddWithValue("$text", "note " + registration.Bias);
            insert.ExecuteNonQuery();
        }

        // A registered ciphertext outside the registry's own rows, in the registry's own file.
        using var models = Open(Path.Combine(harness.WorkDirectory, "models.db"));
        Execute(models, "CREATE TABLE planted_copy (copy TEXT)");
        using var copy = models.CreateCommand();
        copy.CommandText = "INSERT INTO planted_copy VALUES ($copy)";
        copy.Parameters.AddWithValue("$copy", registration.Weights[0]);
        copy.ExecuteNonQuery();
    }

    private static Microsoft.Data.Sqlite.SqliteConnection Open(string path)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A subject every feature is present for, within the scorer's 32-bit feature bound, with three amounts recognisable anywhere.</summary>
    private static bool Scannable(EnterpriseRecord r) =>
        r is { TaxPaid12m: >= 100_000 and < int.MaxValue, Sales12m: >= 100_000 and < int.MaxValue, ElectricityBill12m: >= 100_000 and < int.MaxValue, ElectricityKwh12m: >= 100_000 and < int.MaxValue,
            Capital: >= 0 and < int.MaxValue, SocialHeadcount: not null, TaxGrade: not null }
        && r.TaxPaid12m % 100_000 != 0 && r.Sales12m % 100_000 != 0 && r.ElectricityBill12m % 100_000 != 0 && r.ElectricityKwh12m % 100_000 != 0;

    /// <summary>The record's raw values of the model's features (the node's encoding of amounts is the amount itself).</summary>
    private static IEnumerable<(string Name, long? Value)> Values(EnterpriseRecord r) =>
    [
        ("tax.paid12m", r.TaxPaid12m), ("tax.sales12m", r.Sales12m), ("utilities.electricityBill12m", r.ElectricityBill12m), ("utilities.electricityKwh12m", r.ElectricityKwh12m),
        ("registration.capital", r.Capital), ("social.headcount", r.SocialHeadcount),
    ];

    /// <summary>bias + Σ wᵢ·xᵢ at the scale, from the raw record (independent of the node's encoder).</summary>
    private static System.Numerics.BigInteger Predictor(EnterpriseRecord r)
    {
        long[] x = [r.TaxPaid12m!.Value, r.Sales12m!.Value, r.ElectricityBill12m!.Value, r.ElectricityKwh12m!.Value, r.Capital!.Value, r.SocialHeadcount!.Value, r.TaxGrade == "A" ? 1 : 0];
        var sum = new System.Numerics.BigInteger(Bias * Scale);
        for (var i = 0; i < x.Length; i++)
        {
            sum += new System.Numerics.BigInteger(Weights[i] * Scale) * x[i];
        }

        return sum;
    }

    private static System.Numerics.BigInteger Decrypt(PaillierPrivateKey key, string ciphertext)
    {
        Assert.Equal(PaillierCiphertextError.None, key.PublicKey.TryParseCiphertext(ciphertext, out var parsed));
        Assert.True(key.TryDecryptSigned(parsed!, out var value));
        return value;
    }

    private sealed record ScanRun(List<string> Findings, int FeatureNeedles, List<string> LogFiles, long LogBytes);
}

/// <summary>Runs <see cref="ScoringLeaksNothingTests"/> alone: no other host may become the static Serilog logger mid-run.</summary>
[CollectionDefinition(nameof(ScoringLeaksNothingTests), DisableParallelization = true)]
public sealed class ScoringLeaksNothingCollection;

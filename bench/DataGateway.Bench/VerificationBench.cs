using System.Net.Http.Headers;
using System.Text;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Hosting;
using DataGateway.Node;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataGateway.Bench;

/// <summary>
/// The side-by-side: the full verification pipeline (JWT, admission, limits, ticket,
/// YARP, node, egress guard, ES256 attestation, durable group-committed audit) against a bare
/// YARP route to a stub node that returns a body of the same size, in one run.
/// </summary>
internal static class VerificationBench
{
    /// <summary>Purpose whose policy copy says <c>consentRequired: false</c>: the same pipeline without step 3, for the consent figure.</summary>
    private const string NoConsentPurpose = "post-loan";

    public static async Task<(LoadResult Full, LoadResult NoConsent, LoadResult Bare, LoadResult Floor, double EntriesPerCommit)> RunAsync(BenchOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "dg-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.Error.WriteLine($"bench: preparing {options.Enterprises:N0} enterprises in {work}");
        using var keys = DevKeyMaterial.EnsureCreated(Path.Combine(work, "certs"), ["bank-001", "bank-002"], TimeProvider.System);
        var data = Path.Combine(work, "data");
        DatasetWriter.Write(data, new DatasetSpec(options.Enterprises, DatasetSpec.DefaultSeed, new DateOnly(2026, 10, 31)), new PersonalDataHmac(keys.PlatformHmacKey));
        var subjects = SqliteEnterpriseStore.Open(data).Subjects(options.Enterprises);
        var policies = CopyPoliciesWithoutLimits(work);

        await using var node = NodeApplication.Build(new NodeSettings { NodeId = "node-1", DataDirectory = data, TicketKey = NodeTicketCodec.DeriveNodeKey(keys.TicketSecret, "node-1"), Urls = "http://127.0.0.1:0" });
        await node.StartAsync();
        await using var gateway = await GatewayApplication.BuildAsync(new GatewaySettings
        {
            Urls = "http://127.0.0.1:0",
            PoliciesDirectory = policies,
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

        var token = DevTokenMinter.Mint(keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(2), TimeProvider.System);
        HttpRequestMessage Verification(int i) => VerificationFor(i, "pre-loan");
        HttpRequestMessage VerificationFor(int i, string purpose)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/verifications")
            {
                Content = new StringContent(
                    $$$"""{"subject":"{{{subjects[i % subjects.Count]}}}","purpose":"{{{purpose}}}","checks":[{"predicate":"tax.paid12mAtLeast","params":{"amountCny":300000}},{"predicate":"court.notDishonestDebtor"}]}""",
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        // One real answer sizes the stub's body so both routes move the same bytes.
        using var probeClient = new HttpClient { BaseAddress = new Uri(gateway.Urls.First()) };
        await ConsentSetup.GrantAllAsync(probeClient, keys.TokenSigningKey, subjects);
        using var probe = await probeClient.SendAsync(Verification(0));
        var sample = await probe.Content.ReadAsByteArrayAsync();
        Console.Error.WriteLine($"bench: full pipeline answers {(int)probe.StatusCode} with {sample.Length} bytes");

        await using var stub = await StartStubAsync(sample);
        await using var bare = await StartBareProxyAsync(stub.Urls.First());

        // The box is shared and tiering warms up for a while, so the consent figure alternates the two
        // variants for several rounds and keeps each one's median round: order and drift cancel out.
        var noConsentRounds = new List<LoadResult>();
        var fullRounds = new List<LoadResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            Console.Error.WriteLine($"bench: round {round + 1}/{options.Rounds}: full pipeline with and without the consent step ({NoConsentPurpose}), {options.Connections} connections, {options.Duration.TotalSeconds:0} s each");
            noConsentRounds.Add(WrkLoad.IsAvailable
                ? await WrkLoad.RunAsync("full pipeline, no consent step", new Uri(gateway.Urls.First()), token, subjects, options.Connections, options.Warmup, options.Duration, NoConsentPurpose)
                : await LoadGenerator.RunAsync("full pipeline, no consent step", new Uri(gateway.Urls.First()), i => VerificationFor(i, NoConsentPurpose), options.Connections, options.Warmup, options.Duration));
            fullRounds.Add(WrkLoad.IsAvailable
                ? await WrkLoad.RunAsync("full pipeline", new Uri(gateway.Urls.First()), token, subjects, options.Connections, options.Warmup, options.Duration)
                : await LoadGenerator.RunAsync("full pipeline", new Uri(gateway.Urls.First()), Verification, options.Connections, options.Warmup, options.Duration));
        }

        var noConsent = MedianRound(noConsentRounds);
        var full = MedianRound(fullRounds);
        await ConsentSetup.MeasureLookupAsync(gateway.Services, subjects);
        Console.Error.WriteLine($"bench: bare YARP route, {options.Connections} connections, {options.Duration.TotalSeconds:0} s");
        var bareResult = WrkLoad.IsAvailable
            ? await WrkLoad.RunAsync("bare YARP route", new Uri(bare.Urls.First()), token, subjects, options.Connections, options.Warmup, options.Duration)
            : await LoadGenerator.RunAsync("bare YARP route", new Uri(bare.Urls.First()), Verification, options.Connections, options.Warmup, options.Duration);
        // The same bare route carrying only what the design demands of every answer: the ceiling for any pipeline.
        await using var floor = await MandatedFloorRoute.StartAsync(stub.Urls.First(), Path.Combine(work, "floor-audit.db"));
        Console.Error.WriteLine($"bench: bare route plus the mandated work (two durable appends, one signature), {options.Connections} connections, {options.Duration.TotalSeconds:0} s");
        var floorResult = WrkLoad.IsAvailable
            ? await WrkLoad.RunAsync("bare route + mandated work only", new Uri(floor.Url), token, subjects, options.Connections, options.Warmup, options.Duration)
            : await LoadGenerator.RunAsync("bare route + mandated work only", new Uri(floor.Url), Verification, options.Connections, options.Warmup, options.Duration);

        // How well group commit groups: every durable append of the run shares its fsync with this many others.
        var log = (SqliteAuditLog)gateway.Services.GetRequiredService<IAuditLog>();
        return (full, noConsent, bareResult, floorResult, log.Count / (double)Math.Max(1, log.CommitCount));
    }

    private static LoadResult MedianRound(List<LoadResult> rounds) => rounds.OrderBy(r => r.P50Ms).ElementAt(rounds.Count / 2);

    private static string CopyPoliciesWithoutLimits(string work)
    {
        var target = Path.Combine(work, "policies");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "policies"), "*.yaml"))
        {
            var text = File.ReadAllText(file)
                .Replace("perSubjectPredicate: 10", "perSubjectPredicate: 1000000", StringComparison.Ordinal)
                .Replace($"- id: {NoConsentPurpose}", $"- id: {NoConsentPurpose}\n    consentRequired: false", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }

    private static async Task<WebApplication> StartStubAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartBareProxyAsync(string destination)
    {
        var app = BareProxy.Build(destination);
        app.MapReverseProxy();
        await app.StartAsync();
        return app;
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

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Signing;
using DataGateway.Storage.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.Bench;

/// <summary>Before the load, every bench subject's owner grants bank-001 consent through the real owner API.</summary>
internal static class ConsentSetup
{
    public static async Task GrantAllAsync(HttpClient client, EcSigningKey tokenKey, IReadOnlyList<string> subjects)
    {
        var expiresAt = TimeProvider.System.GetUtcNow().AddDays(300);
        var failures = 0;
        // Parallel so that the audit log's group commit amortises the fsyncs, as it does under load.
        await Parallel.ForEachAsync(subjects, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (subject, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/consents")
            {
                Content = JsonContent.Create(new { institution = "bank-001", purposes = new[] { "pre-loan" }, scopes = new[] { "verify" }, expiresAt }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevTokenMinter.Mint(tokenKey, "owner", null, subject, TimeSpan.FromHours(2), TimeProvider.System));
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Console.Error.WriteLine($"bench: {subjects.Count - failures:N0} consents granted, {failures} refused");
    }

    /// <summary>The consent step's own cost, free of load-generator noise: the registry read every query makes.</summary>
    public static async Task MeasureLookupAsync(IServiceProvider gateway, IReadOnlyList<string> subjects)
    {
        var registry = gateway.GetRequiredService<IConsentRegistry>();
        const int Reads = 20_000;
        for (var i = 0; i < 2_000; i++)
        {
            await registry.FindForAsync(subjects[i % subjects.Count], "bank-001", CancellationToken.None);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Reads; i++)
        {
            await registry.FindForAsync(subjects[i % subjects.Count], "bank-001", CancellationToken.None);
        }

        var micros = Stopwatch.GetElapsedTime(started).TotalMicroseconds / Reads;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"consent registry read (one per query, {subjects.Count:N0} grants, sequential): {micros:0.0} µs"));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md C3: SIGKILL `dg serve` under concurrent aggregate load, between reservations and
/// answers, restart, repeat: the ledger never shows less spent than the answers acknowledged, and
/// ambiguous reservations stay spent (never refunded).
/// </summary>
public sealed class AggregateCrashTests
{
    private const int Clients = 16;
    private const int Cycles = 3;
    private static long _nextQuery;

    [Fact]
    public async Task Ledger_NeverShowsLessSpentThanAnswered_AfterRepeatedSigkill()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.TickCount;
        var random = new Random(seed); // test scheduling only
        var work = ServeWorkDirectory.Prepare("aggregate-crash", policies =>
        {
            // About durability, not exhaustion: a cap the load cannot reach.
            var aggregates = Path.Combine(policies, "aggregates.yaml");
            File.WriteAllText(aggregates, File.ReadAllText(aggregates).Replace("budgetCap: \"3.0\"", "budgetCap: \"1000\"", StringComparison.Ordinal));
        });
        var acknowledged = new ConcurrentBag<long>(); // micro-epsilon of each answer fully received
        var token = DataGateway.Cli.Tokens.DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromHours(1), TimeProvider.System);

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await using var serve = await ServeProcess.StartAsync(work, ct);
            using var client = new HttpClient { BaseAddress = new Uri(serve.Address) };
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(_ => LoadAsync(client, token, acknowledged, stop.Token)).ToArray();
            await Task.Delay(TimeSpan.FromMilliseconds(500 + random.Next(1500)), ct);
            await serve.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(acknowledged.Count > Cycles, $"load produced too few answers to test anything (seed {seed})");
        var (spent, reservations) = ReadLedger(Path.Combine(work, "data", "privacy.db"));
        Assert.True(spent >= acknowledged.Sum(), $"ledger shows {spent} µε spent, answers acknowledged {acknowledged.Sum()} µε (seed {seed})");
        Assert.True(reservations >= acknowledged.Count, $"{reservations} reservations for {acknowledged.Count} answers (seed {seed})");
    }

    private static async Task LoadAsync(HttpClient client, string token, ConcurrentBag<long> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // A distinct epsilon per request makes a distinct query: every answer is paid, none cached.
            var micro = 1000 + Interlocked.Increment(ref _nextQuery);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/aggregates")
            {
                Content = JsonContent.Create(new { metric = "count", groupBy = new[] { "tax.grade" }, epsilon = micro / 1_000_000m }),
            };
            request.Headers.Authorization = new("Bearer", token);
            try
            {
                using var response = await client.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop);
                    acknowledged.Add((long)(body.GetProperty("epsilonSpent").GetDecimal() * 1_000_000m)); // fully read: released
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
            {
                // Ambiguous (the process died mid-request): its reservation may stand, which is allowed.
            }
        }
    }

    private static (long Spent, long Reservations) ReadLedger(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COALESCE(SUM(spent_micro), 0) FROM budget_spent), (SELECT COUNT(*) FROM budget_reservations)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

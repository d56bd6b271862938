using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;

namespace DataGateway.Node.Tests.Aggregation;

/// <summary>A node serving a generated SQLite dataset answers aggregates from its column scan exactly as the records say.</summary>
public sealed class AggregateOnDatasetTests : IDisposable
{
    private static readonly PersonalDataHmac Hmac = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-node-tests", Path.GetRandomFileName());

    [Theory]
    [InlineData("""{"field":null,"groupBy":["registration.ageBand","size.class"],"filter":{"registration.status":["ACTIVE"]},"lower":0,"upper":0}""")]
    [InlineData("""{"field":"social.headcount","groupBy":["tax.grade"],"filter":{},"lower":0,"upper":20}""")]
    [InlineData("""{"field":"tax.paid12m","groupBy":["registration.province","registration.orgForm"],"filter":{"registration.industry":["C","F","G"]},"lower":1000,"upper":500000}""")]
    [InlineData("""{"field":"registration.ageYears","groupBy":["registration.status"],"filter":{},"lower":0,"upper":50}""")]
    public async Task Post_EqualsTheOracleOverTheGeneratedRecords(string query)
    {
        var spec = new DatasetSpec(2_000, 23, new DateOnly(2024, 6, 30));
        DatasetWriter.Write(_directory, spec, Hmac, cancellationToken: TestContext.Current.CancellationToken);
        var request = JsonSerializer.Deserialize<NodeAggregateRequest>(query, Json)!;
        var expected = AggregateOracle.Answer(EnterpriseGenerator.Generate(spec, Hmac), request, spec.AsOf);
        await using var node = await NodeHarness.StartAsync(store: null, _directory);
        var body = Encoding.UTF8.GetBytes(query);

        using var message = new HttpRequestMessage(HttpMethod.Post, "/internal/v1/aggregates") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("DG-Ticket", node.Ticket(body, subject: "*", kind: "aggregate"));
        using var response = await node.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonSerializer.Deserialize<NodeAggregateResponse>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), Json)!;
        Assert.Equal("2024-06-30", answer.AsOf);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, answer.Groups.Select(g => (string.Join("|", g.Key), g.Count, g.ClampedSum)).ToList());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

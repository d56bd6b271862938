using System.Net;
using System.Text.Json;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;

namespace DataGateway.Node.Tests;

/// <summary>The node serving a generated SQLite dataset from its data directory.</summary>
public sealed class NodeOnDatasetTests : IDisposable
{
    private static readonly PersonalDataHmac Hmac = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-node-tests", Path.GetRandomFileName());

    [Fact]
    public async Task Post_AnswersFromTheDataset_IncludingALegalRepMatchOnRecomputedPlaintext()
    {
        var spec = new DatasetSpec(50, 11, new DateOnly(2024, 6, 30));
        DatasetWriter.Write(_directory, spec, Hmac, cancellationToken: TestContext.Current.CancellationToken);
        var first = EnterpriseGenerator.Generate(spec, Hmac).First(r => r.LegalRepNameHmac is not null);
        var index = EnterpriseGenerator.Generate(spec, Hmac).TakeWhile(r => r.Uscc != first.Uscc).Count();
        var person = SyntheticPeople.For(11, index);
        await using var node = await NodeHarness.StartAsync(store: null, _directory);
        var body = NodeHarness.Body(
            first.Uscc,
            ("legalRep.matches", $$"""{"nameHmac":"{{Hmac.OfName(person.Name)}}","idNumberHmac":"{{Hmac.OfIdNumber(person.IdNumber)}}"}"""),
            ("legalRep.matches", $$"""{"nameHmac":"{{Hmac.OfName(person.Name + "某")}}","idNumberHmac":"{{Hmac.OfIdNumber(person.IdNumber)}}"}"""));

        using var response = await node.PostAsync(body, node.Ticket(body, subject: first.Uscc));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2024-06-30", json.RootElement.GetProperty("asOf").GetString());
        Assert.Equal(
            ["true", "false"],
            json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
    }

    [Fact]
    public void Build_Throws_WhenTheDataDirectoryHasNoDataset()
    {
        Directory.CreateDirectory(_directory);

        Assert.Throws<FileNotFoundException>(() => NodeApplication.Build(new NodeSettings
        {
            NodeId = NodeHarness.NodeId,
            TicketKey = NodeTicketCodec.DeriveNodeKey(NodeHarness.Secret, NodeHarness.NodeId),
            DataDirectory = _directory,
        }));
    }

    [Fact]
    public void Build_Throws_WhenTheTicketKeyIsShort()
    {
        Assert.Throws<ArgumentException>(() => NodeApplication.Build(new NodeSettings
        {
            NodeId = NodeHarness.NodeId,
            TicketKey = new byte[16],
            Store = new CountingStore(),
        }));
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

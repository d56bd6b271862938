using System.Text.Json.Nodes;
using DataGateway.Client.Scoring;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>The bank's key file: owner-only, never silently replaced, refused when inconsistent.</summary>
public sealed class PaillierKeyFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-keyfile-" + Guid.NewGuid().ToString("N")[..8]);

    public PaillierKeyFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WriteThenRead_GivesTheSameKey()
    {
        var path = Path.Combine(_directory, "bank.key.json");

        PaillierKeyFile.Write(path, ScoringTestKeys.Private, overwrite: false);
        var read = PaillierKeyFile.Read(path);

        Assert.Equal(ScoringTestKeys.Private.ExportPrimes(), read.ExportPrimes());
        Assert.Equal(ScoringTestKeys.Public.N, read.PublicKey.N);
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("paillier", (string?)document["kty"]);
        Assert.Equal(2048, (int?)document["bits"]);
        Assert.Equal(ScoringTestKeys.Public.ToBase64Url(), (string?)document["n"]);
    }

    [Fact]
    public void Write_CreatesTheFileOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        var path = Path.Combine(_directory, "bank.key.json");

        PaillierKeyFile.Write(path, ScoringTestKeys.Private, overwrite: false);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Write_RefusesToReplaceAFile_UnlessAsked()
    {
        var path = Path.Combine(_directory, "bank.key.json");
        File.WriteAllText(path, "precious");

        Assert.Throws<IOException>(() => PaillierKeyFile.Write(path, ScoringTestKeys.Private, overwrite: false));
        Assert.Equal("precious", File.ReadAllText(path));

        PaillierKeyFile.Write(path, ScoringTestKeys.Private, overwrite: true);
        Assert.Equal(ScoringTestKeys.Public.N, PaillierKeyFile.Read(path).PublicKey.N);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("n")]
    [InlineData("p")]
    [InlineData("kty")]
    public void Read_Refuses_WhenAMemberWasAltered(string member)
    {
        var path = Path.Combine(_directory, "bank.key.json");
        PaillierKeyFile.Write(path, ScoringTestKeys.Private, overwrite: false);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var value = (string)document[member]!;
        document[member] = member == "kty" ? "rsa" : (value[..^2] + (value[^2] == 'A' ? "B" : "A") + value[^1]);
        File.WriteAllText(path, document.ToJsonString());

        Assert.Throws<InvalidDataException>(() => PaillierKeyFile.Read(path));
    }

    [Theory]
    [InlineData("{ broken")]
    [InlineData("{}")]
    [InlineData("""{ "kty": "paillier", "bits": 2048, "n": "AQ", "p": "Aw", "q": "BQ" }""")]
    public void Read_Refuses_WhenTheFileIsNotAKeyFile(string content)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => PaillierKeyFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_IsStableAndDistinguishesKeys()
    {
        var n = ScoringTestKeys.Public.ToBase64Url();

        Assert.Equal(PaillierKeyFile.Fingerprint(n), PaillierKeyFile.Fingerprint(n));
        Assert.Equal(32, PaillierKeyFile.Fingerprint(n).Length);
        Assert.NotEqual(PaillierKeyFile.Fingerprint(n), PaillierKeyFile.Fingerprint(n[..^1] + (n[^1] == 'A' ? 'B' : 'A')));
    }
}

using DataGateway.Client.Scoring;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>Plaintext model files: what is accepted, and a clear error naming the member for everything else.</summary>
public sealed class PlainModelReaderTests
{
    private const string Valid = """
        { "id": "pd-v1", "description": "test", "scale": 1000000,
          "features": ["tax.paid12m", "tax.grade=A", "judicial.dishonestDebtor"],
          "weights": [-0.0000041, -0.65, 2.3], "bias": -3.2 }
        """;

    [Fact]
    public void Parse_ReadsAValidModel_WithExactDecimalWeights()
    {
        var model = PlainModelReader.Parse(Valid);

        Assert.Equal("pd-v1", model.Id);
        Assert.Equal(1_000_000, model.Scale);
        Assert.Equal(["tax.paid12m", "tax.grade=A", "judicial.dishonestDebtor"], model.Features);
        Assert.Equal([-0.0000041m, -0.65m, 2.3m], model.Weights);
        Assert.Equal(-3.2m, model.Bias);
    }

    [Theory]
    [InlineData("{ not json", "not a model file")]
    [InlineData("[]", "not a model file")]
    [InlineData("null", "not a model file")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears"], "weights": [1] }""", "not a model file")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears"], "weight": [1], "weights": [1], "bias": 0 }""", "not a model file")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears"], "weights": ["1"], "bias": 0 }""", "not a model file")]
    [InlineData("""{ "id": "m", "id": "n", "scale": 10, "features": ["tax.arrears"], "weights": [1], "bias": 0 }""", "not a model file")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears", "tax.paid12m"], "weights": [1], "bias": 0 }""", "1 weights for 2 features")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears"], "weights": [1, 2], "bias": 0 }""", "2 weights for 1 features")]
    [InlineData("""{ "id": "m", "scale": 10, "features": [], "weights": [], "bias": 0 }""", "features: must list")]
    [InlineData("""{ "id": "m", "scale": 0, "features": ["tax.arrears"], "weights": [1], "bias": 0 }""", "scale:")]
    [InlineData("""{ "id": "m", "scale": -5, "features": ["tax.arrears"], "weights": [1], "bias": 0 }""", "scale:")]
    [InlineData("""{ "id": "../etc", "scale": 10, "features": ["tax.arrears"], "weights": [1], "bias": 0 }""", "id:")]
    [InlineData("""{ "id": "", "scale": 10, "features": ["tax.arrears"], "weights": [1], "bias": 0 }""", "id:")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.nope"], "weights": [1], "bias": 0 }""", "features[0] 'tax.nope': not a catalog field")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.grade"], "weights": [1], "bias": 0 }""", "indicator such as tax.grade=A")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.grade=Z"], "weights": [1], "bias": 0 }""", "not one of the values")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.paid12m=5"], "weights": [1], "bias": 0 }""", "only categorical fields")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["legalRep.idHmac"], "weights": [1], "bias": 0 }""", "does not allow this field in scores")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["registration.division=110108"], "weights": [1], "bias": 0 }""", "does not allow this field in scores")]
    [InlineData("""{ "id": "m", "scale": 10, "features": ["tax.arrears", "tax.arrears"], "weights": [1, 1], "bias": 0 }""", "features[1] 'tax.arrears': listed twice")]
    public void Parse_RefusesWithAMessageNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<PlainModelException>(() => PlainModelReader.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ReportsTheFile_WhenItCannotBeRead()
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<PlainModelException>(() => PlainModelReader.ReadFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedExampleModel_IsValid()
    {
        var model = PlainModelReader.ReadFile(Path.Combine(RepositoryRoot(), "examples", "models", "pd-v1.json"));

        Assert.Equal("pd-v1", model.Id);
        Assert.Equal(1_000_000, model.Scale);
        Assert.Empty(ModelEncryptor.Encrypt(model, ScoringTestKeys.Public).Warnings);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataGateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

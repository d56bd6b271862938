using DataGateway.Client.Scoring;
using DataGateway.Client.Tests.Scoring.Fitting;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>
/// Where the weights of <c>examples/models/pd-v1.json</c> come from: a logistic regression on the
/// generated dataset's default labels (seed 42, 40,000 enterprises), rounded to the model's scale;
/// and that the model discriminates defaults on enterprises it was not fitted on.
/// </summary>
public sealed class ExampleModelProvenanceTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);
    private static readonly Lazy<PlainModel> Shipped = new(() =>
        PlainModelReader.ReadFile(Path.Combine(PlainModelReaderTests.RepositoryRoot(), "examples", "models", "pd-v1.json")));

    [Fact]
    public void ShippedWeights_AreTheFitOnTheGeneratedDataset_RoundedToTheScale()
    {
        var model = Shipped.Value;
        var (rows, labels) = Load(model.Features, count: 40_000, seed: 42);

        var (weights, bias) = LogisticRegression.Fit(rows, labels);

        // The scale's resolution is 1/scale; the file holds round(fit, 6), so each weight is within half of it.
        var resolution = 1.0 / model.Scale;
        for (var i = 0; i < weights.Length; i++)
        {
            Assert.True(Math.Abs((double)model.Weights[i] - weights[i]) <= (resolution / 2) + 1e-9, $"{model.Features[i]}: shipped {model.Weights[i]}, fitted {weights[i]}");
        }

        Assert.Equal(bias, (double)model.Bias, resolution);
    }

    [Fact]
    public void ShippedModel_RanksDefaultsAndIsCalibrated_OnEnterprisesItWasNotFittedOn()
    {
        var model = Shipped.Value;
        var (rows, labels) = Load(model.Features, count: 20_000, seed: 43);

        var z = rows.Select(x => (double)model.Bias + x.Select((v, i) => v * (double)model.Weights[i]).Sum()).ToArray();

        Assert.InRange(LogisticRegression.Auc(z, labels), 0.77, 1.0);
        var meanProbability = z.Average(Scorecard.Probability);
        var defaultRate = labels.Average(y => y ? 1.0 : 0.0);
        Assert.InRange(meanProbability, defaultRate * 0.8, defaultRate * 1.2);
    }

    private static (List<double[]> Rows, List<bool> Labels) Load(IReadOnlyList<string> features, int count, ulong seed)
    {
        var rows = new List<double[]>(count);
        var labels = new List<bool>(count);
        foreach (var record in EnterpriseGenerator.Generate(new DatasetSpec(count, seed, AsOf), new PersonalDataHmac(new byte[32])))
        {
            var x = new double[features.Count];
            Assert.True(RecordFeatures.TryEncode(features, record, AsOf, x), "The example model uses only features every generated record has.");
            rows.Add(x);
            labels.Add(record.DefaultedIn12m);
        }

        return (rows, labels);
    }
}

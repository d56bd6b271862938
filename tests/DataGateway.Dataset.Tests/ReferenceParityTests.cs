using DataGateway.Core.Records;
using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

/// <summary>
/// Headline figures printed by <c>python3 reference/synth_sme_reference.py 50000 20250101</c>;
/// the port must reproduce the reference's population.
/// </summary>
public sealed class ReferenceParityTests : IClassFixture<ReferenceParityTests.Population>
{
    private const int N = 50_000;

    // Reference output: tax_grade: A:13.1% B:66.8% C:13.4% D:1.9% M:4.9%
    private static readonly Dictionary<string, double> ReferenceGradeShares = new()
    {
        ["A"] = 0.131, ["B"] = 0.668, ["C"] = 0.134, ["D"] = 0.019, ["M"] = 0.049,
    };

    // Reference output: tax_paid_12m_10k_cny: p10=0.66 p50=4.69 p90=41.31 (x 10,000 CNY).
    private const double ReferenceTaxPaidP10 = 6_600;
    private const double ReferenceTaxPaidP50 = 46_900;
    private const double ReferenceTaxPaidP90 = 413_100;

    // Reference output: intercept=-4.041 default_rate=0.0305; taxpayer_type GENERAL:28.5%.
    private const double ReferenceIntercept = -4.041;
    private const double ReferenceGeneralShare = 0.285;

    private readonly List<EnterpriseRecord> _records;

    public ReferenceParityTests(Population population) => _records = population.Records;

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("D")]
    [InlineData("M")]
    public void Generate_MatchesReferenceGradeMix_WithinOnePointFive(string grade)
    {
        var share = _records.Count(r => r.TaxGrade == grade) / (double)N;

        Assert.InRange(share, ReferenceGradeShares[grade] - 0.015, ReferenceGradeShares[grade] + 0.015);
    }

    [Theory]
    [InlineData(10, ReferenceTaxPaidP10)]
    [InlineData(50, ReferenceTaxPaidP50)]
    [InlineData(90, ReferenceTaxPaidP90)]
    public void Generate_MatchesReferenceTaxPaidPercentiles_WithinTenPercent(int percentile, double expectedCny)
    {
        var sorted = _records.Select(r => r.TaxPaid12m!.Value).Order().ToArray();
        var value = sorted[N * percentile / 100];

        Assert.InRange(value, expectedCny * 0.9, expectedCny * 1.1);
    }

    [Fact]
    public void Generate_DefaultsAboutThreePercent_WhenCalibratedAsTheReference()
    {
        var rate = _records.Count(r => r.DefaultedIn12m) / (double)N;

        Assert.InRange(rate, 0.025, 0.035);
    }

    [Fact]
    public void Intercept_MatchesReference_ForTheReferenceSeed()
    {
        var intercept = EnterpriseGenerator.Intercept(TestData.Spec(N));

        Assert.InRange(intercept, ReferenceIntercept - 0.01, ReferenceIntercept + 0.01);
    }

    [Fact]
    public void Generate_MatchesReferenceTaxpayerMix()
    {
        var share = _records.Count(r => r.TaxpayerType == "GENERAL") / (double)N;

        Assert.InRange(share, ReferenceGeneralShare - 0.01, ReferenceGeneralShare + 0.01);
    }

    [Fact]
    public void Generate_MakesDefaultsMoreLikely_ForWorseTaxGrades()
    {
        double Rate(string grade) => _records.Where(r => r.TaxGrade == grade).Average(r => r.DefaultedIn12m ? 1.0 : 0.0);

        Assert.True(Rate("A") < Rate("B"));
        Assert.True(Rate("B") < Rate("C"));
        Assert.True(Rate("C") < Rate("D"));
    }

    public sealed class Population
    {
        public List<EnterpriseRecord> Records { get; } = TestData.Generate(N);
    }
}

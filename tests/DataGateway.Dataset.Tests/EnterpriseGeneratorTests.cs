using DataGateway.Core.Identifiers;
using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

public sealed class EnterpriseGeneratorTests
{
    [Fact]
    public void Generate_YieldsIdenticalRecords_WhenRunTwiceWithTheSameSeed()
    {
        var first = TestData.Generate(3_000).Select(TestData.Snapshot).ToList();
        var second = TestData.Generate(3_000).Select(TestData.Snapshot).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_YieldsDifferentRecords_WhenSeedsDiffer()
    {
        var first = TestData.Generate(500, seed: 1).Select(TestData.Snapshot).ToList();
        var second = TestData.Generate(500, seed: 2).Select(TestData.Snapshot).ToList();

        var same = first.Zip(second).Count(pair => pair.First == pair.Second);
        Assert.Equal(0, same);
    }

    [Fact]
    public void Generate_YieldsTheSamePrefix_WhenOnlyTheCountDiffers()
    {
        // The population and its codes are the reference stream's: a longer dataset extends a
        // shorter one (labels may differ because the intercept is calibrated per population).
        var shorter = TestData.Generate(200);
        var longer = TestData.Generate(400);

        Assert.Equal(shorter.Select(r => r.Uscc), longer.Take(200).Select(r => r.Uscc));
        Assert.Equal(shorter.Select(r => r.TaxPaid12m), longer.Take(200).Select(r => r.TaxPaid12m));
    }

    [Fact]
    public void Generate_WritesValidCodesWhoseDivisionAndCategoryMatchTheRecord()
    {
        foreach (var record in TestData.Generate(2_000))
        {
            Assert.True(Uscc.TryParse(record.Uscc, out var code, out var error), error.ToString());
            Assert.Equal(record.Division, code.DivisionCode);
            Assert.Equal("PDY", code.OrganisationCode[..3]);
            var expectedCategory = record.OrgForm switch { "INDIVIDUAL_BUSINESS" => '2', "COOPERATIVE" => '3', _ => '1' };
            Assert.Equal("9" + expectedCategory, record.Uscc[..2]);
            Assert.Matches("^[0-9]{6}$", record.Division);
        }
    }

    [Fact]
    public void Generate_LeavesSomeDepartmentDataMissing_ButNeverTradeOfNonExporters()
    {
        var records = TestData.Generate(5_000);

        var utilitiesMissing = records.Count(r => r.ElectricityKwh12m is null);
        var housingMissing = records.Count(r => r.HousingFundContinuousMonths is null);
        var legalRepMissing = records.Count(r => r.LegalRepNameHmac is null);
        Assert.InRange(utilitiesMissing / 5_000.0, 0.015, 0.05);
        Assert.InRange(housingMissing / 5_000.0, 0.008, 0.035);
        Assert.InRange(legalRepMissing, 10, 120);
        Assert.All(records, r => Assert.NotNull(r.ImportExport12mUsd));
        Assert.All(records.Where(r => r.ElectricityKwh12m is null), r => Assert.Null(r.UtilityArrears24m));
        Assert.Contains(records, r => r.ImportExport12mUsd == 0);
    }

    [Fact]
    public void Generate_MakesInactiveAndSeriouslyDishonestEnterprisesRare_AndMoreLikelyWhenUnhealthy()
    {
        var records = TestData.Generate(20_000);

        var inactive = records.Where(r => r.Status != "ACTIVE").ToList();
        Assert.InRange(inactive.Count / 20_000.0, 0.01, 0.06);
        Assert.Equal(["DEREGISTERED", "REVOKED", "SUSPENDED"], inactive.Select(r => r.Status).Distinct().Order());
        Assert.InRange(records.Count(r => r.SeriousDishonestListed == true) / 20_000.0, 0.004, 0.025);

        // The latent health factor shows through the tax grade: D-graded firms are inactive far more often.
        double InactiveShare(string grade) =>
            records.Where(r => r.TaxGrade == grade).Average(r => r.Status == "ACTIVE" ? 0.0 : 1.0);
        Assert.True(InactiveShare("D") > 2 * InactiveShare("A"));
    }

    [Fact]
    public void Generate_DerivesRegistrationDateFromAgeAndAsOf()
    {
        foreach (var record in TestData.Generate(1_000))
        {
            var days = TestData.AsOf.DayNumber - record.RegisteredOn.DayNumber;
            Assert.InRange(days, (int)Math.Round(0.3 * 365.25), (int)Math.Round(40 * 365.25));
        }
    }

    [Fact]
    public void Generate_ThrowsArgumentOutOfRange_WhenCountIsZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnterpriseGenerator.Generate(TestData.Spec(0), TestData.Hmac));
    }
}

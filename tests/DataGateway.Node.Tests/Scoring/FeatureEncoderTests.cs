using DataGateway.Core.Records;
using DataGateway.Node.Scoring;

namespace DataGateway.Node.Tests.Scoring;

/// <summary>Each feature type encodes as the catalog documents; unknown names, missing data and out-of-bound values are refused.</summary>
public sealed class FeatureEncoderTests
{
    private const long Bound = (1L << 31) - 1;

    [Theory]
    [InlineData("tax.paid12m", 50_000)] // amount, whole CNY
    [InlineData("social.headcount", 5)] // count
    [InlineData("registration.annualReportOnTime", 1)] // boolean true
    [InlineData("tax.arrears", 0)] // boolean false
    [InlineData("registration.ageYears", 3)] // whole years at the as-of date
    [InlineData("tax.grade=B", 1)] // indicator of the record's value
    [InlineData("tax.grade=A", 0)] // indicator of another value
    [InlineData("registration.province=11", 1)] // province from the division code
    [InlineData("registration.industry=F", 0)]
    public void TryEncode_GivesTheCatalogEncoding_ForEachFeatureType(string feature, long expected)
    {
        Assert.Equal(expected, Encode(Some.Record(), feature));
    }

    [Fact]
    public void TryEncode_GivesBasisPoints_ForRatios_IncludingNegatives()
    {
        var record = Some.RecordWith(nameof(EnterpriseRecord.SalesGrowthYoyBp), -1234);

        Assert.Equal(-1234, Encode(record, "tax.salesGrowthYoy"));
    }

    [Theory]
    [InlineData("2022-01-02", 2)] // the third anniversary is tomorrow
    [InlineData("2022-01-01", 3)]
    [InlineData("2024-12-31", 0)]
    public void AgeYears_CountsWholeYears_AtTheAsOfDate(string registeredOn, long years)
    {
        Assert.Equal(years, FieldEncodings.WholeYears(DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture), Some.AsOf));
    }

    [Theory]
    [InlineData(nameof(EnterpriseRecord.TaxPaid12m), "tax.paid12m")]
    [InlineData(nameof(EnterpriseRecord.TaxGrade), "tax.grade=A")]
    [InlineData(nameof(EnterpriseRecord.ElectricityBill12m), "utilities.electricityBill12m")]
    public void TryEncode_Refuses_WhenTheSourceHasNoData(string property, string feature)
    {
        var encoder = FeatureEncoder.TryCompile([feature])!;

        Assert.False(encoder.TryEncode(Some.RecordWith(property, null), Some.AsOf, Bound, new long[1]));
    }

    [Fact]
    public void TryEncode_Refuses_AValueAboveTheScorersBound_RatherThanWrap()
    {
        var encoder = FeatureEncoder.TryCompile(["tax.sales12m"])!;
        var record = Some.RecordWith(nameof(EnterpriseRecord.Sales12m), Bound + 1);

        Assert.False(encoder.TryEncode(record, Some.AsOf, Bound, new long[1]));
        Assert.True(encoder.TryEncode(Some.RecordWith(nameof(EnterpriseRecord.Sales12m), Bound), Some.AsOf, Bound, new long[1]));
    }

    [Theory]
    [InlineData("tax.unknown")]
    [InlineData("registration.division")] // a code without a closed value list is not scorable
    [InlineData("legalRep.nameHmac")] // HMACs are never features
    [InlineData("tax.grade")] // a categorical field only as an indicator
    [InlineData("tax.grade=Z")]
    [InlineData("tax.paid12m=1")] // indicators only of categorical fields
    [InlineData("")]
    public void TryCompile_RefusesNamesThatAreNotScorableFeatures(string feature)
    {
        Assert.Null(FeatureEncoder.TryCompile(["tax.paid12m", feature]));
    }

    private static long Encode(EnterpriseRecord record, string feature)
    {
        var encoder = FeatureEncoder.TryCompile([feature]) ?? throw new InvalidOperationException("not compiled");
        var x = new long[1];
        Assert.True(encoder.TryEncode(record, Some.AsOf, Bound, x));
        return x[0];
    }
}

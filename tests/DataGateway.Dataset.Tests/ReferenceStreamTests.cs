using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

/// <summary>
/// Draw-for-draw parity with the reference script: values printed by running
/// <c>make_enterprise</c> of <c>reference/synth_sme_reference.py</c> with seed 20250101.
/// </summary>
public sealed class ReferenceStreamTests
{
    [Fact]
    public void Draw_ReproducesTheReferenceStream_ForSeed20250101()
    {
        var r = new SplitMix64(20250101);
        var drawn = new Dictionary<int, ReferenceEnterprise>();
        for (var i = 0; i < 20_000; i++)
        {
            var e = ReferenceModel.Draw(r);
            if (i is 0 or 4999 or 19999)
            {
                drawn[i] = e;
            }
        }

        // python: 0 -0.715645682 44 L LLC 9.8 100 0.535 20 0 318.5 D 10645 0 0.0
        AssertDraw(drawn[0], -0.715645682, "44", "L", "LLC", 9.8, 100, 20, 318.5, 'D', 10645, 0, 0.0);
        // python: 4999 -1.325911986 32 F INDIVIDUAL_BUSINESS 3.94 100 15 463.7 A 120158 0 96.0
        AssertDraw(drawn[4999], -1.325911986, "32", "F", "INDIVIDUAL_BUSINESS", 3.94, 100, 15, 463.7, 'A', 120158, 0, 96.0);
        // python: 19999 0.300633791 37 M LLC 5.58 147.9 11 695.9 B 79880 1 0.0
        AssertDraw(drawn[19999], 0.300633791, "37", "M", "LLC", 5.58, 147.9, 11, 695.9, 'B', 79880, 1, 0.0);
    }

    [Fact]
    public void Uniform_MatchesSplitMix64KnownOutput()
    {
        // SplitMix64 seeded with 0: the first output of Vigna's reference implementation.
        Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).NextUInt64());
    }

    private static void AssertDraw(
        ReferenceEnterprise e, double logit, string province, string industry, string orgForm, double age, double capital,
        int headcount, double sales, char grade, long kwh, int patents, double trade)
    {
        Assert.Equal(logit, Math.Round(e.Logit, 9), 9);
        Assert.Equal(province, ReferenceTables.Provinces[e.Province]);
        Assert.Equal(industry, ReferenceTables.Industries[e.Industry]);
        Assert.Equal(orgForm, ReferenceTables.OrgForms[e.OrgForm]);
        Assert.Equal(age, e.EntAgeYears);
        Assert.Equal(capital, e.RegCapital10k);
        Assert.Equal(headcount, e.SiHeadcount);
        Assert.Equal(sales, e.Sales12m10k);
        Assert.Equal(grade, e.TaxGrade);
        Assert.Equal(kwh, e.ElecKwh12m);
        Assert.Equal(patents, e.Patents);
        Assert.Equal(trade, e.ImportExport12m10kUsd);
    }
}

namespace DataGateway.Dataset.Generation;

/// <summary>
/// The weight tables of <c>reference/synth_sme_reference.py</c>, in its exact order: the order
/// matters because a weighted choice walks the table.
/// </summary>
internal static class ReferenceTables
{
    /// <summary>GB/T 2260 province prefixes, weighted by enterprise counts.</summary>
    public static readonly string[] Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
        "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    ];

    public static readonly double[] ProvinceWeights =
    [
        4.0, 1.5, 4.0, 1.5, 1.0, 2.0, 1.0, 1.0, 3.5, 10.0, 8.0, 3.5, 4.0, 2.5, 8.0, 5.0,
        4.0, 3.0, 14.0, 2.0, 1.0, 2.0, 4.0, 1.5, 2.0, 0.2, 2.5, 1.0, 0.3, 0.4, 1.0,
    ];

    /// <summary>GB/T 4754-2017 sections.</summary>
    public static readonly string[] Industries = ["F", "C", "L", "I", "M", "E", "H", "O", "G", "A", "K", "R", "N"];

    public static readonly double[] IndustryWeights = [30, 15, 12, 8, 8, 6, 5, 4, 3, 3, 2, 2, 2];

    /// <summary>Logit risk offset per industry.</summary>
    public static readonly double[] IndustryRisk = [0.20, 0.00, 0.10, -0.20, -0.20, 0.35, 0.35, 0.10, 0.10, 0.20, 0.30, 0.10, 0.00];

    /// <summary>Base of log electricity consumption per industry.</summary>
    public static readonly double[] IndustryLogKwh = [8.3, 10.5, 8.0, 8.3, 8.3, 8.8, 9.3, 8.5, 8.8, 8.8, 8.0, 8.3, 8.3];

    public static readonly string[] OrgForms = ["LLC", "SOLE_PROPRIETORSHIP", "PARTNERSHIP", "JOINT_STOCK", "INDIVIDUAL_BUSINESS", "COOPERATIVE"];

    public static readonly double[] OrgFormWeights = [70, 8, 3, 2, 15, 2];

    /// <summary>Registered capital spikes in 10k CNY; the last slot (NaN) means "draw a lognormal".</summary>
    public static readonly double[] CapitalSpikes = [10, 50, 100, 200, 300, 500, 1000, double.NaN];

    public static readonly double[] CapitalWeights = [8, 12, 25, 10, 5, 10, 5, 25];

    public static readonly double ProvinceTotal = Sum(ProvinceWeights);
    public static readonly double IndustryTotal = Sum(IndustryWeights);
    public static readonly double OrgFormTotal = Sum(OrgFormWeights);
    public static readonly double CapitalTotal = Sum(CapitalWeights);

    // Python's sum() adds left to right; doing the same keeps choice thresholds bit-identical.
    private static double Sum(double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        return total;
    }
}

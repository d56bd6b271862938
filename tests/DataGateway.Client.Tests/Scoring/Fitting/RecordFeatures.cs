using DataGateway.Core.Records;

namespace DataGateway.Client.Tests.Scoring.Fitting;

/// <summary>
/// The catalog's integer encodings (DOMAIN.md, GET /v1/catalog) of the fields the example model may use,
/// as the node computes them; null where the record has no data, which the node refuses to score.
/// </summary>
internal static class RecordFeatures
{
    private static readonly Dictionary<string, Func<EnterpriseRecord, DateOnly, long?>> Numbers = new(StringComparer.Ordinal)
    {
        ["registration.ageYears"] = (r, asOf) => WholeYears(r.RegisteredOn, asOf),
        ["registration.annualReportOnTime"] = (r, _) => Flag(r.AnnualReportOnTime),
        ["registration.abnormalListed"] = (r, _) => Flag(r.AbnormalListed),
        ["registration.seriousDishonestListed"] = (r, _) => Flag(r.SeriousDishonestListed),
        ["registration.legalRepChanges3y"] = (r, _) => r.LegalRepChanges3y,
        ["penalties.count3y"] = (r, _) => r.PenaltiesCount3y,
        ["penalties.major3y"] = (r, _) => Flag(r.PenaltiesMajor3y),
        ["tax.paid12m"] = (r, _) => r.TaxPaid12m,
        ["tax.salesGrowthYoy"] = (r, _) => r.SalesGrowthYoyBp,
        ["tax.zeroDeclMonths12m"] = (r, _) => r.ZeroDeclMonths12m,
        ["tax.missingDeclMonths24m"] = (r, _) => r.MissingDeclMonths24m,
        ["tax.arrears"] = (r, _) => Flag(r.TaxArrears),
        ["social.headcount"] = (r, _) => r.SocialHeadcount,
        ["social.headcountChange12m"] = (r, _) => r.SocialHeadcountChange12mBp,
        ["social.arrearsMonths12m"] = (r, _) => r.SocialArrearsMonths12m,
        ["housingFund.headcount"] = (r, _) => r.HousingFundHeadcount,
        ["housingFund.continuousMonths"] = (r, _) => r.HousingFundContinuousMonths,
        ["utilities.electricityCv12m"] = (r, _) => r.ElectricityCv12mBp,
        ["utilities.arrears24m"] = (r, _) => r.UtilityArrears24m,
        ["judicial.lawsuitsDefendant3y"] = (r, _) => r.LawsuitsDefendant3y,
        ["judicial.activeEnforcements"] = (r, _) => r.ActiveEnforcements,
        ["judicial.dishonestDebtor"] = (r, _) => Flag(r.DishonestDebtor),
        ["judicial.consumptionRestricted"] = (r, _) => Flag(r.ConsumptionRestricted),
        ["judicial.legalRepDishonest"] = (r, _) => Flag(r.LegalRepDishonest),
        ["ip.techCertified"] = (r, _) => Flag(r.TechCertified),
    };

    private static readonly Dictionary<string, Func<EnterpriseRecord, string?>> Codes = new(StringComparer.Ordinal)
    {
        ["registration.industry"] = r => r.Industry,
        ["registration.status"] = r => r.Status,
        ["tax.grade"] = r => r.TaxGrade,
        ["tax.taxpayerType"] = r => r.TaxpayerType,
    };

    /// <summary>The features of <paramref name="record"/> in <paramref name="features"/> order; false when one has no data.</summary>
    public static bool TryEncode(IReadOnlyList<string> features, EnterpriseRecord record, DateOnly asOf, double[] into)
    {
        for (var i = 0; i < features.Count; i++)
        {
            var split = features[i].IndexOf('=', StringComparison.Ordinal);
            long? value = split < 0
                ? Numbers[features[i]](record, asOf)
                : Codes[features[i][..split]](record) is { } code ? (code == features[i][(split + 1)..] ? 1 : 0) : null;
            if (value is not { } x)
            {
                return false;
            }

            into[i] = x;
        }

        return true;
    }

    private static long WholeYears(DateOnly registeredOn, DateOnly asOf)
    {
        var years = asOf.Year - registeredOn.Year;
        return registeredOn.AddYears(years) > asOf ? years - 1 : years;
    }

    private static long? Flag(bool? value) => value is { } flag ? (flag ? 1 : 0) : null;
}

using System.Collections.Frozen;
using DataGateway.Core.Records;

namespace DataGateway.Node.Scoring;

/// <summary>
/// The catalog's integer encoding of every scorable field (GET /v1/catalog, DOMAIN.md): amounts in whole
/// units, ratios in basis points, booleans 0/1, age in whole years at the as-of date; categorical fields
/// by their code, for <c>field=value</c> indicators. Null means the source has no data for the subject.
/// </summary>
internal static class FieldEncodings
{
    /// <summary>Numeric fields: record and as-of date to the integer x, or null when unknown.</summary>
    public static readonly FrozenDictionary<string, Func<EnterpriseRecord, DateOnly, long?>> Numbers =
        new Dictionary<string, Func<EnterpriseRecord, DateOnly, long?>>(StringComparer.Ordinal)
        {
            ["registration.ageYears"] = (r, asOf) => WholeYears(r.RegisteredOn, asOf),
            ["registration.capital"] = (r, _) => r.Capital,
            ["registration.paidInRatio"] = (r, _) => r.PaidInRatioBp,
            ["registration.legalRepChanges3y"] = (r, _) => r.LegalRepChanges3y,
            ["registration.shareholderChanges3y"] = (r, _) => r.ShareholderChanges3y,
            ["registration.annualReportOnTime"] = (r, _) => Flag(r.AnnualReportOnTime),
            ["registration.abnormalListed"] = (r, _) => Flag(r.AbnormalListed),
            ["registration.seriousDishonestListed"] = (r, _) => Flag(r.SeriousDishonestListed),
            ["penalties.count3y"] = (r, _) => r.PenaltiesCount3y,
            ["penalties.major3y"] = (r, _) => Flag(r.PenaltiesMajor3y),
            ["pledges.equityPledged"] = (r, _) => Flag(r.EquityPledged),
            ["pledges.chattelMortgages"] = (r, _) => r.ChattelMortgages,
            ["tax.sales12m"] = (r, _) => r.Sales12m,
            ["tax.salesGrowthYoy"] = (r, _) => r.SalesGrowthYoyBp,
            ["tax.paid12m"] = (r, _) => r.TaxPaid12m,
            ["tax.zeroDeclMonths12m"] = (r, _) => r.ZeroDeclMonths12m,
            ["tax.missingDeclMonths24m"] = (r, _) => r.MissingDeclMonths24m,
            ["tax.lateCount24m"] = (r, _) => r.TaxLateCount24m,
            ["tax.arrears"] = (r, _) => Flag(r.TaxArrears),
            ["tax.monthsSinceLastPayment"] = (r, _) => r.MonthsSinceLastPayment,
            ["social.headcount"] = (r, _) => r.SocialHeadcount,
            ["social.headcountChange12m"] = (r, _) => r.SocialHeadcountChange12mBp,
            ["social.arrearsMonths12m"] = (r, _) => r.SocialArrearsMonths12m,
            ["housingFund.headcount"] = (r, _) => r.HousingFundHeadcount,
            ["housingFund.continuousMonths"] = (r, _) => r.HousingFundContinuousMonths,
            ["utilities.electricityKwh12m"] = (r, _) => r.ElectricityKwh12m,
            ["utilities.electricityBill12m"] = (r, _) => r.ElectricityBill12m,
            ["utilities.electricityCv12m"] = (r, _) => r.ElectricityCv12mBp,
            ["utilities.electricityYoy"] = (r, _) => r.ElectricityYoyBp,
            ["utilities.arrears24m"] = (r, _) => r.UtilityArrears24m,
            ["utilities.monthsOnTime24m"] = (r, _) => r.UtilityMonthsOnTime24m,
            ["judicial.lawsuitsDefendant3y"] = (r, _) => r.LawsuitsDefendant3y,
            ["judicial.activeEnforcements"] = (r, _) => r.ActiveEnforcements,
            ["judicial.dishonestDebtor"] = (r, _) => Flag(r.DishonestDebtor),
            ["judicial.consumptionRestricted"] = (r, _) => Flag(r.ConsumptionRestricted),
            ["judicial.legalRepDishonest"] = (r, _) => Flag(r.LegalRepDishonest),
            ["ip.patents"] = (r, _) => r.Patents,
            ["ip.trademarks"] = (r, _) => r.Trademarks,
            ["ip.techCertified"] = (r, _) => Flag(r.TechCertified),
            ["customs.importExport12mUsd"] = (r, _) => r.ImportExport12mUsd,
            ["customs.dishonest"] = (r, _) => Flag(r.CustomsDishonest),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Categorical fields: record to its code, or null when unknown.</summary>
    public static readonly FrozenDictionary<string, Func<EnterpriseRecord, string?>> Codes =
        new Dictionary<string, Func<EnterpriseRecord, string?>>(StringComparer.Ordinal)
        {
            ["registration.province"] = r => r.Division.Length >= 2 ? r.Division[..2] : null,
            ["registration.industry"] = r => r.Industry,
            ["registration.orgForm"] = r => r.OrgForm,
            ["registration.status"] = r => r.Status,
            ["tax.grade"] = r => r.TaxGrade,
            ["tax.taxpayerType"] = r => r.TaxpayerType,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whole years from <paramref name="registeredOn"/> to <paramref name="asOf"/> (a birthday-style count).</summary>
    public static long WholeYears(DateOnly registeredOn, DateOnly asOf)
    {
        var years = asOf.Year - registeredOn.Year;
        return registeredOn.AddYears(years) > asOf ? years - 1 : years;
    }

    private static long? Flag(bool? value) => value is { } flag ? (flag ? 1 : 0) : null;
}

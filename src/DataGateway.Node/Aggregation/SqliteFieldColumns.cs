using System.Collections.Frozen;

namespace DataGateway.Node.Aggregation;

/// <summary>
/// The <c>enterprises</c> column holding each measurable field's integer encoding (the dataset
/// writer's schema: booleans are stored 0/1, amounts and ratios as the catalog encodes them). Age in
/// years derives from <see cref="RegisteredOn"/> at the as-of date.
/// </summary>
internal static class SqliteFieldColumns
{
    /// <summary>The registration date column.</summary>
    public const string RegisteredOn = "registered_on";

    private static readonly FrozenDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["registration.ageYears"] = RegisteredOn,
        ["registration.capital"] = "capital",
        ["registration.paidInRatio"] = "paid_in_ratio_bp",
        ["registration.legalRepChanges3y"] = "legal_rep_changes_3y",
        ["registration.shareholderChanges3y"] = "shareholder_changes_3y",
        ["registration.annualReportOnTime"] = "annual_report_on_time",
        ["registration.abnormalListed"] = "abnormal_listed",
        ["registration.seriousDishonestListed"] = "serious_dishonest_listed",
        ["penalties.count3y"] = "penalties_count_3y",
        ["penalties.major3y"] = "penalties_major_3y",
        ["pledges.equityPledged"] = "equity_pledged",
        ["pledges.chattelMortgages"] = "chattel_mortgages",
        ["tax.sales12m"] = "sales_12m",
        ["tax.salesGrowthYoy"] = "sales_growth_yoy_bp",
        ["tax.paid12m"] = "tax_paid_12m",
        ["tax.zeroDeclMonths12m"] = "zero_decl_months_12m",
        ["tax.missingDeclMonths24m"] = "missing_decl_months_24m",
        ["tax.lateCount24m"] = "tax_late_count_24m",
        ["tax.arrears"] = "tax_arrears",
        ["tax.monthsSinceLastPayment"] = "months_since_last_payment",
        ["social.headcount"] = "social_headcount",
        ["social.headcountChange12m"] = "social_headcount_change_12m_bp",
        ["social.arrearsMonths12m"] = "social_arrears_months_12m",
        ["housingFund.headcount"] = "housing_fund_headcount",
        ["housingFund.continuousMonths"] = "housing_fund_continuous_months",
        ["utilities.electricityKwh12m"] = "electricity_kwh_12m",
        ["utilities.electricityBill12m"] = "electricity_bill_12m",
        ["utilities.electricityCv12m"] = "electricity_cv_12m_bp",
        ["utilities.electricityYoy"] = "electricity_yoy_bp",
        ["utilities.arrears24m"] = "utility_arrears_24m",
        ["utilities.monthsOnTime24m"] = "utility_months_on_time_24m",
        ["judicial.lawsuitsDefendant3y"] = "lawsuits_defendant_3y",
        ["judicial.activeEnforcements"] = "active_enforcements",
        ["judicial.dishonestDebtor"] = "dishonest_debtor",
        ["judicial.consumptionRestricted"] = "consumption_restricted",
        ["judicial.legalRepDishonest"] = "legal_rep_dishonest",
        ["ip.patents"] = "patents",
        ["ip.trademarks"] = "trademarks",
        ["ip.techCertified"] = "tech_certified",
        ["customs.importExport12mUsd"] = "import_export_12m_usd",
        ["customs.dishonest"] = "customs_dishonest",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The column of a measurable field; the names are constants, never request text, so they are safe in SQL.</summary>
    public static string Of(string field) =>
        Columns.TryGetValue(field, out var column) ? column : throw new ArgumentOutOfRangeException(nameof(field), "Not a measurable field.");

    /// <summary>Every mapped field (a test checks they are exactly the measurable catalog fields).</summary>
    public static IEnumerable<string> Fields => Columns.Keys;
}

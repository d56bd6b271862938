using System.Globalization;
using DataGateway.Core.Records;
using Microsoft.Data.Sqlite;

namespace DataGateway.Dataset.Storage;

/// <summary>
/// The <c>enterprises</c> table: one column per <see cref="EnterpriseRecord"/> property, in one
/// fixed order shared by the writer and the reader so both bind by ordinal (no name lookups on
/// the node's hot path). Booleans are 0/1 and null means the department has no data.
/// </summary>
internal static class RecordTable
{
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly string[] Columns =
    [
        "uscc",
        "division",
        "industry",
        "org_form",
        "status",
        "registered_on",
        "capital",
        "paid_in_ratio_bp",
        "legal_rep_changes_3y",
        "shareholder_changes_3y",
        "annual_report_on_time",
        "abnormal_listed",
        "serious_dishonest_listed",
        "penalties_count_3y",
        "penalties_major_3y",
        "equity_pledged",
        "chattel_mortgages",
        "tax_grade",
        "taxpayer_type",
        "sales_12m",
        "sales_growth_yoy_bp",
        "tax_paid_12m",
        "zero_decl_months_12m",
        "missing_decl_months_24m",
        "tax_late_count_24m",
        "tax_arrears",
        "months_since_last_payment",
        "social_headcount",
        "social_headcount_change_12m_bp",
        "social_arrears_months_12m",
        "housing_fund_headcount",
        "housing_fund_continuous_months",
        "electricity_kwh_12m",
        "electricity_bill_12m",
        "electricity_cv_12m_bp",
        "electricity_yoy_bp",
        "utility_arrears_24m",
        "utility_months_on_time_24m",
        "lawsuits_defendant_3y",
        "active_enforcements",
        "dishonest_debtor",
        "consumption_restricted",
        "legal_rep_dishonest",
        "patents",
        "trademarks",
        "tech_certified",
        "import_export_12m_usd",
        "customs_dishonest",
        "legal_rep_name_hmac",
        "legal_rep_id_hmac",
        "defaulted_in_12m",
    ];

    public static readonly string CreateSql = """
        CREATE TABLE enterprises (
        uscc TEXT NOT NULL PRIMARY KEY,
        division TEXT NOT NULL,
        industry TEXT NOT NULL,
        org_form TEXT NOT NULL,
        status TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        capital INTEGER,
        paid_in_ratio_bp INTEGER,
        legal_rep_changes_3y INTEGER,
        shareholder_changes_3y INTEGER,
        annual_report_on_time INTEGER,
        abnormal_listed INTEGER,
        serious_dishonest_listed INTEGER,
        penalties_count_3y INTEGER,
        penalties_major_3y INTEGER,
        equity_pledged INTEGER,
        chattel_mortgages INTEGER,
        tax_grade TEXT,
        taxpayer_type TEXT,
        sales_12m INTEGER,
        sales_growth_yoy_bp INTEGER,
        tax_paid_12m INTEGER,
        zero_decl_months_12m INTEGER,
        missing_decl_months_24m INTEGER,
        tax_late_count_24m INTEGER,
        tax_arrears INTEGER,
        months_since_last_payment INTEGER,
        social_headcount INTEGER,
        social_headcount_change_12m_bp INTEGER,
        social_arrears_months_12m INTEGER,
        housing_fund_headcount INTEGER,
        housing_fund_continuous_months INTEGER,
        electricity_kwh_12m INTEGER,
        electricity_bill_12m INTEGER,
        electricity_cv_12m_bp INTEGER,
        electricity_yoy_bp INTEGER,
        utility_arrears_24m INTEGER,
        utility_months_on_time_24m INTEGER,
        lawsuits_defendant_3y INTEGER,
        active_enforcements INTEGER,
        dishonest_debtor INTEGER,
        consumption_restricted INTEGER,
        legal_rep_dishonest INTEGER,
        patents INTEGER,
        trademarks INTEGER,
        tech_certified INTEGER,
        import_export_12m_usd INTEGER,
        customs_dishonest INTEGER,
        legal_rep_name_hmac TEXT,
        legal_rep_id_hmac TEXT,
        defaulted_in_12m INTEGER NOT NULL
        )
        """;

    public static readonly string InsertSql =
        "INSERT INTO enterprises (" + string.Join(", ", Columns) + ") VALUES (" +
        string.Join(", ", Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";

    public static readonly string SelectByUsccSql =
        "SELECT " + string.Join(", ", Columns) + " FROM enterprises WHERE uscc = $uscc";

    public static void Bind(SqliteParameter[] p, EnterpriseRecord r)
    {
        p[0].Value = r.Uscc;
        p[1].Value = r.Division;
        p[2].Value = r.Industry;
        p[3].Value = r.OrgForm;
        p[4].Value = r.Status;
        p[5].Value = r.RegisteredOn.ToString(DateFormat, CultureInfo.InvariantCulture);
        p[6].Value = (object?)r.Capital ?? DBNull.Value;
        p[7].Value = (object?)r.PaidInRatioBp ?? DBNull.Value;
        p[8].Value = (object?)r.LegalRepChanges3y ?? DBNull.Value;
        p[9].Value = (object?)r.ShareholderChanges3y ?? DBNull.Value;
        p[10].Value = r.AnnualReportOnTime is { } b10 ? (b10 ? 1L : 0L) : DBNull.Value;
        p[11].Value = r.AbnormalListed is { } b11 ? (b11 ? 1L : 0L) : DBNull.Value;
        p[12].Value = r.SeriousDishonestListed is { } b12 ? (b12 ? 1L : 0L) : DBNull.Value;
        p[13].Value = (object?)r.PenaltiesCount3y ?? DBNull.Value;
        p[14].Value = r.PenaltiesMajor3y is { } b14 ? (b14 ? 1L : 0L) : DBNull.Value;
        p[15].Value = r.EquityPledged is { } b15 ? (b15 ? 1L : 0L) : DBNull.Value;
        p[16].Value = (object?)r.ChattelMortgages ?? DBNull.Value;
        p[17].Value = (object?)r.TaxGrade ?? DBNull.Value;
        p[18].Value = (object?)r.TaxpayerType ?? DBNull.Value;
        p[19].Value = (object?)r.Sales12m ?? DBNull.Value;
        p[20].Value = (object?)r.SalesGrowthYoyBp ?? DBNull.Value;
        p[21].Value = (object?)r.TaxPaid12m ?? DBNull.Value;
        p[22].Value = (object?)r.ZeroDeclMonths12m ?? DBNull.Value;
        p[23].Value = (object?)r.MissingDeclMonths24m ?? DBNull.Value;
        p[24].Value = (object?)r.TaxLateCount24m ?? DBNull.Value;
        p[25].Value = r.TaxArrears is { } b25 ? (b25 ? 1L : 0L) : DBNull.Value;
        p[26].Value = (object?)r.MonthsSinceLastPayment ?? DBNull.Value;
        p[27].Value = (object?)r.SocialHeadcount ?? DBNull.Value;
        p[28].Value = (object?)r.SocialHeadcountChange12mBp ?? DBNull.Value;
        p[29].Value = (object?)r.SocialArrearsMonths12m ?? DBNull.Value;
        p[30].Value = (object?)r.HousingFundHeadcount ?? DBNull.Value;
        p[31].Value = (object?)r.HousingFundContinuousMonths ?? DBNull.Value;
        p[32].Value = (object?)r.ElectricityKwh12m ?? DBNull.Value;
        p[33].Value = (object?)r.ElectricityBill12m ?? DBNull.Value;
        p[34].Value = (object?)r.ElectricityCv12mBp ?? DBNull.Value;
        p[35].Value = (object?)r.ElectricityYoyBp ?? DBNull.Value;
        p[36].Value = (object?)r.UtilityArrears24m ?? DBNull.Value;
        p[37].Value = (object?)r.UtilityMonthsOnTime24m ?? DBNull.Value;
        p[38].Value = (object?)r.LawsuitsDefendant3y ?? DBNull.Value;
        p[39].Value = (object?)r.ActiveEnforcements ?? DBNull.Value;
        p[40].Value = r.DishonestDebtor is { } b40 ? (b40 ? 1L : 0L) : DBNull.Value;
        p[41].Value = r.ConsumptionRestricted is { } b41 ? (b41 ? 1L : 0L) : DBNull.Value;
        p[42].Value = r.LegalRepDishonest is { } b42 ? (b42 ? 1L : 0L) : DBNull.Value;
        p[43].Value = (object?)r.Patents ?? DBNull.Value;
        p[44].Value = (object?)r.Trademarks ?? DBNull.Value;
        p[45].Value = r.TechCertified is { } b45 ? (b45 ? 1L : 0L) : DBNull.Value;
        p[46].Value = (object?)r.ImportExport12mUsd ?? DBNull.Value;
        p[47].Value = r.CustomsDishonest is { } b47 ? (b47 ? 1L : 0L) : DBNull.Value;
        p[48].Value = (object?)r.LegalRepNameHmac ?? DBNull.Value;
        p[49].Value = (object?)r.LegalRepIdHmac ?? DBNull.Value;
        p[50].Value = r.DefaultedIn12m ? 1L : 0L;
    }

    public static EnterpriseRecord Read(SqliteDataReader d) =>
        new()
        {
            Uscc = d.GetString(0),
            Division = d.GetString(1),
            Industry = d.GetString(2),
            OrgForm = d.GetString(3),
            Status = d.GetString(4),
            RegisteredOn = DateOnly.ParseExact(d.GetString(5), DateFormat, CultureInfo.InvariantCulture),
            Capital = d.IsDBNull(6) ? null : d.GetInt64(6),
            PaidInRatioBp = d.IsDBNull(7) ? null : d.GetInt32(7),
            LegalRepChanges3y = d.IsDBNull(8) ? null : d.GetInt32(8),
            ShareholderChanges3y = d.IsDBNull(9) ? null : d.GetInt32(9),
            AnnualReportOnTime = d.IsDBNull(10) ? null : d.GetInt64(10) != 0,
            AbnormalListed = d.IsDBNull(11) ? null : d.GetInt64(11) != 0,
            SeriousDishonestListed = d.IsDBNull(12) ? null : d.GetInt64(12) != 0,
            PenaltiesCount3y = d.IsDBNull(13) ? null : d.GetInt32(13),
            PenaltiesMajor3y = d.IsDBNull(14) ? null : d.GetInt64(14) != 0,
            EquityPledged = d.IsDBNull(15) ? null : d.GetInt64(15) != 0,
            ChattelMortgages = d.IsDBNull(16) ? null : d.GetInt32(16),
            TaxGrade = d.IsDBNull(17) ? null : d.GetString(17),
            TaxpayerType = d.IsDBNull(18) ? null : d.GetString(18),
            Sales12m = d.IsDBNull(19) ? null : d.GetInt64(19),
            SalesGrowthYoyBp = d.IsDBNull(20) ? null : d.GetInt32(20),
            TaxPaid12m = d.IsDBNull(21) ? null : d.GetInt64(21),
            ZeroDeclMonths12m = d.IsDBNull(22) ? null : d.GetInt32(22),
            MissingDeclMonths24m = d.IsDBNull(23) ? null : d.GetInt32(23),
            TaxLateCount24m = d.IsDBNull(24) ? null : d.GetInt32(24),
            TaxArrears = d.IsDBNull(25) ? null : d.GetInt64(25) != 0,
            MonthsSinceLastPayment = d.IsDBNull(26) ? null : d.GetInt32(26),
            SocialHeadcount = d.IsDBNull(27) ? null : d.GetInt32(27),
            SocialHeadcountChange12mBp = d.IsDBNull(28) ? null : d.GetInt32(28),
            SocialArrearsMonths12m = d.IsDBNull(29) ? null : d.GetInt32(29),
            HousingFundHeadcount = d.IsDBNull(30) ? null : d.GetInt32(30),
            HousingFundContinuousMonths = d.IsDBNull(31) ? null : d.GetInt32(31),
            ElectricityKwh12m = d.IsDBNull(32) ? null : d.GetInt64(32),
            ElectricityBill12m = d.IsDBNull(33) ? null : d.GetInt64(33),
            ElectricityCv12mBp = d.IsDBNull(34) ? null : d.GetInt32(34),
            ElectricityYoyBp = d.IsDBNull(35) ? null : d.GetInt32(35),
            UtilityArrears24m = d.IsDBNull(36) ? null : d.GetInt32(36),
            UtilityMonthsOnTime24m = d.IsDBNull(37) ? null : d.GetInt32(37),
            LawsuitsDefendant3y = d.IsDBNull(38) ? null : d.GetInt32(38),
            ActiveEnforcements = d.IsDBNull(39) ? null : d.GetInt32(39),
            DishonestDebtor = d.IsDBNull(40) ? null : d.GetInt64(40) != 0,
            ConsumptionRestricted = d.IsDBNull(41) ? null : d.GetInt64(41) != 0,
            LegalRepDishonest = d.IsDBNull(42) ? null : d.GetInt64(42) != 0,
            Patents = d.IsDBNull(43) ? null : d.GetInt32(43),
            Trademarks = d.IsDBNull(44) ? null : d.GetInt32(44),
            TechCertified = d.IsDBNull(45) ? null : d.GetInt64(45) != 0,
            ImportExport12mUsd = d.IsDBNull(46) ? null : d.GetInt64(46),
            CustomsDishonest = d.IsDBNull(47) ? null : d.GetInt64(47) != 0,
            LegalRepNameHmac = d.IsDBNull(48) ? null : d.GetString(48),
            LegalRepIdHmac = d.IsDBNull(49) ? null : d.GetString(49),
            DefaultedIn12m = d.GetInt64(50) != 0,
        };
}

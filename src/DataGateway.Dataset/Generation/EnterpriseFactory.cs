using System.Globalization;
using DataGateway.Core.Records;
using DataGateway.Cryptography.PersonalData;

namespace DataGateway.Dataset.Generation;

/// <summary>
/// Maps a reference draw onto the catalog record and adds what the reference lacks
/// (DOMAIN.md field catalog): division, registration status, the serious-dishonesty list,
/// the synthetic code, the legal representative and missing department data.
/// </summary>
/// <remarks>
/// The additions come from a per-index stream, never from the reference stream, so the
/// reference's population stays bit-for-bit the same whatever is added here.
/// </remarks>
internal sealed class EnterpriseFactory(ulong seed, DateOnly asOf, PersonalDataHmac hmac)
{
    private const ulong ExtrasSalt = 0x5851F42D4C957F2DUL;
    private const double TenThousand = 10_000;
    private static readonly string[] InactiveStatuses = ["REVOKED", "DEREGISTERED", "SUSPENDED"];

    private readonly UsccAllocator _codes = new();

    public EnterpriseRecord Create(ReferenceEnterprise e, long index, bool defaulted)
    {
        var x = SplitMix64.Derived(seed, ExtrasSalt, index);
        var z = e.Z;
        var division = Division(x, ReferenceTables.Provinces[e.Province]);
        var orgForm = ReferenceTables.OrgForms[e.OrgForm];
        var category = orgForm switch { "INDIVIDUAL_BUSINESS" => '2', "COOPERATIVE" => '3', _ => '1' };

        // Inactive (~3%) and seriously dishonest (~1%) enterprises are mostly the unhealthy ones.
        var status = x.Uniform() < ReferenceModel.Sigmoid(-3.9 - (0.9 * z))
            ? InactiveStatuses[Math.Min(2, (int)(x.Uniform() * 3))]
            : "ACTIVE";
        var seriousDishonest = x.Uniform() < ReferenceModel.Sigmoid(-5.2 - (1.2 * z));

        // Departments without data for an enterprise: unknown answers, never false (DOMAIN.md).
        var utilitiesKnown = x.Uniform() >= 0.03;
        var housingFundKnown = x.Uniform() >= 0.02;
        var legalRepKnown = x.Uniform() >= 0.01;
        var person = legalRepKnown ? SyntheticPeople.For(seed, index) : null;

        return new EnterpriseRecord
        {
            Uscc = _codes.Allocate(category, division).Value,
            Division = division,
            Industry = ReferenceTables.Industries[e.Industry],
            OrgForm = orgForm,
            Status = status,
            RegisteredOn = asOf.AddDays(-(int)Math.Round(e.EntAgeYears * 365.25)),
            Capital = Amount(e.RegCapital10k),
            PaidInRatioBp = BasisPoints(e.PaidInRatio),
            LegalRepChanges3y = e.LegalRepChanges3y,
            ShareholderChanges3y = e.ShareholderChanges3y,
            AnnualReportOnTime = e.AnnualReportOnTime,
            AbnormalListed = e.AbnormalListed,
            SeriousDishonestListed = seriousDishonest,
            PenaltiesCount3y = e.AdminPenalties3y,
            PenaltiesMajor3y = e.MajorPenalty3y,
            EquityPledged = e.EquityPledged,
            ChattelMortgages = e.ChattelMortgages,
            TaxGrade = e.TaxGrade.ToString(),
            TaxpayerType = e.General ? "GENERAL" : "SMALL_SCALE",
            Sales12m = Amount(e.Sales12m10k),
            SalesGrowthYoyBp = BasisPoints(e.SalesGrowthYoy),
            TaxPaid12m = Amount(e.TaxPaid12m10k),
            ZeroDeclMonths12m = e.ZeroDeclMonths12m,
            MissingDeclMonths24m = e.DeclMissingMonths24m,
            TaxLateCount24m = e.TaxLateCount24m,
            TaxArrears = e.TaxArrears,
            MonthsSinceLastPayment = e.MonthsSinceLastTaxPayment,
            SocialHeadcount = e.SiHeadcount,
            SocialHeadcountChange12mBp = BasisPoints(e.SiHeadcountChg12m),
            SocialArrearsMonths12m = e.SiArrearsMonths12m,
            HousingFundHeadcount = housingFundKnown ? e.HpfHeadcount : null,
            HousingFundContinuousMonths = housingFundKnown ? e.HpfContinuousMonths : null,
            ElectricityKwh12m = utilitiesKnown ? e.ElecKwh12m : null,
            ElectricityBill12m = utilitiesKnown ? Amount(e.ElecBill12m10k) : null,
            ElectricityCv12mBp = utilitiesKnown ? BasisPoints(e.ElecCv12m) : null,
            ElectricityYoyBp = utilitiesKnown ? BasisPoints(e.ElecYoyChg) : null,
            UtilityArrears24m = utilitiesKnown ? e.UtilityArrears24m : null,
            UtilityMonthsOnTime24m = utilitiesKnown ? e.UtilityMonthsOnTime24m : null,
            LawsuitsDefendant3y = e.Lawsuits3y,
            ActiveEnforcements = e.EnforcementActive,
            DishonestDebtor = e.DishonestDebtor,
            ConsumptionRestricted = e.ConsumptionRestricted,
            LegalRepDishonest = e.LegalRepDishonest,
            Patents = e.Patents,
            Trademarks = e.Trademarks,
            TechCertified = e.TechCertified,
            ImportExport12mUsd = Amount(e.ImportExport12m10kUsd), // non-exporters trade 0, which is known, not missing
            CustomsDishonest = e.CustomsDishonest,
            LegalRepNameHmac = person is null ? null : hmac.OfName(person.Name),
            LegalRepIdHmac = person is null ? null : hmac.OfIdNumber(person.IdNumber),
            DefaultedIn12m = defaulted,
        };
    }

    // Capital cities are XX0100 (DOMAIN.md); other enterprises spread over plausible prefecture/county codes.
    private static string Division(SplitMix64 x, string province) =>
        x.Uniform() < 0.35
            ? province + "0100"
            : string.Create(CultureInfo.InvariantCulture, $"{province}{1 + (int)(x.Uniform() * 15):D2}{1 + (int)(x.Uniform() * 12):D2}");

    // The reference counts money in 10k units.
    private static long Amount(double tenThousands) => (long)Math.Round(tenThousands * TenThousand);

    private static int BasisPoints(double ratio) => (int)Math.Round(ratio * TenThousand);
}

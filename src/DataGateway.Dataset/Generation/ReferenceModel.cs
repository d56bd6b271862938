using static DataGateway.Dataset.Generation.ReferenceTables;

namespace DataGateway.Dataset.Generation;

/// <summary>
/// A line-by-line port of <c>make_enterprise</c> in <c>reference/synth_sme_reference.py</c>:
/// every draw happens in the same order with the same formula, so one seed gives the
/// reference's population (DOMAIN.md "The record of one enterprise").
/// </summary>
internal static class ReferenceModel
{
    /// <summary>The reference's SIGNAL_SCALE default: weight of the observable logit in the true one.</summary>
    public const double SignalScale = 0.45;

    private static readonly bool[] TechyIndustries = [false, true, false, true, true, false, false, false, false, false, false, false, false]; // C, I, M

    public static ReferenceEnterprise Draw(SplitMix64 r)
    {
        var z = r.Normal();
        var e = new ReferenceEnterprise { Z = z };
        e.Province = r.Choice(ProvinceWeights, ProvinceTotal);
        var ind = r.Choice(IndustryWeights, IndustryTotal);
        e.Industry = ind;
        e.OrgForm = r.Choice(OrgFormWeights, OrgFormTotal);
        e.EntAgeYears = Round(Clip(Math.Exp(Math.Log(5.0) + (0.10 * z) + (0.75 * r.Normal())), 0.3, 40.0), 2);
        var rc = CapitalSpikes[r.Choice(CapitalWeights, CapitalTotal)];
        e.RegCapital10k = !double.IsNaN(rc) ? rc : Round(Math.Exp(Math.Log(100) + (1.2 * r.Normal())), 1);
        e.PaidInRatio = r.Uniform() < 0.45 ? 0.0 : Round(Clip(0.5 + (0.25 * r.Normal()) + (0.1 * z), 0, 1), 3);

        // social insurance / housing provident fund
        var si = r.Uniform() < Sigmoid(-2.6 - (0.8 * z)) ? 0 : (int)Math.Round(Math.Exp(Math.Log(6) + (0.35 * z) + (0.9 * r.Normal())));
        e.SiHeadcount = si;
        e.SiHeadcountChg12m = Round(Clip(0.02 + (0.08 * z) + (0.2 * r.Normal()), -1.0, 3.0), 3);
        e.SiArrearsMonths12m = Math.Min(12, r.Poisson(0.25 * Math.Exp(-1.0 * z)));
        var paysHpf = si > 0 && r.Uniform() < Sigmoid(-0.6 + (0.8 * z) + (0.3 * Math.Log(1 + si)));
        e.HpfHeadcount = paysHpf ? (int)Math.Round(si * (0.3 + (0.7 * r.Uniform()))) : 0;
        e.HpfContinuousMonths = paysHpf
            ? Math.Min((int)(e.EntAgeYears * 12), (int)Math.Round(Math.Exp(Math.Log(24) + (0.8 * r.Normal()))))
            : 0;

        // tax
        var sales = Math.Exp(Math.Log(60) + (0.9 * Math.Log(1 + si)) + (0.3 * z) + (0.8 * r.Normal()));
        e.Sales12m10k = Round(sales, 1);
        var general = r.Uniform() < Sigmoid(-1.2 + (0.9 * Math.Log(sales / 300.0)));
        e.General = general;
        e.SalesGrowthYoy = Round(Clip(0.03 + (0.12 * z) + (0.3 * r.Normal()), -0.95, 3.0), 3);
        var rate = general ? 0.03 : 0.012;
        e.TaxPaid12m10k = Round(sales * rate * Math.Exp(0.5 * r.Normal()), 2);
        e.ZeroDeclMonths12m = Math.Min(12, r.Poisson(0.3 * Math.Exp(-1.2 * z)));
        e.DeclMissingMonths24m = Math.Min(24, r.Poisson(0.1 * Math.Exp(-1.2 * z)));
        e.TaxArrears = r.Bernoulli(Sigmoid(-4.0 - (1.3 * z)));
        e.TaxLateCount24m = r.Poisson(0.2 * Math.Exp(-0.9 * z));
        e.MonthsSinceLastTaxPayment = Math.Min(12, r.Poisson(0.3 * Math.Exp(-1.0 * z)));
        var t = 81 + (5 * z) + (7 * r.Normal()) - (3 * e.TaxLateCount24m) - (2 * e.DeclMissingMonths24m);
        // Python's `and`/`or` short-circuit decides which uniforms are drawn; keep that order.
        if (e.TaxArrears && r.Uniform() < 0.5)
        {
            e.TaxGrade = 'D'; // direct judgement to D (e.g. unpaid assessed tax)
        }
        else if ((e.EntAgeYears < 1.5 && r.Uniform() < 0.8) || (sales < 15 && r.Uniform() < 0.5))
        {
            e.TaxGrade = 'M'; // newly established / no operating revenue
        }
        else
        {
            e.TaxGrade = t >= 90 ? 'A' : t >= 70 ? 'B' : t >= 40 ? 'C' : 'D';
        }

        // utilities
        var kwh = Math.Exp(Math.Log(1 + si) + IndustryLogKwh[ind] + (0.2 * z) + (0.7 * r.Normal()));
        e.ElecKwh12m = (long)Math.Round(kwh);
        e.ElecBill12m10k = Round(kwh * 0.7 / 1e4, 2);
        e.ElecCv12m = Round(Math.Exp(Math.Log(0.25) - (0.15 * z) + (0.4 * r.Normal())), 3);
        e.ElecYoyChg = Round(Clip(0.02 + (0.1 * z) + (0.25 * r.Normal()), -1.0, 3.0), 3);
        var ua = r.Poisson(0.15 * Math.Exp(-1.1 * z));
        e.UtilityArrears24m = ua;
        e.UtilityMonthsOnTime24m = Math.Max(0, 24 - Math.Min(24, (2 * ua) + r.Poisson(0.3 * Math.Exp(-z))));

        // judicial
        e.Lawsuits3y = r.Poisson(0.25 * Math.Exp(-0.7 * z) * (1 + (Math.Log(1 + si) / 3)));
        e.EnforcementActive = r.Poisson(0.04 * Math.Exp(-1.4 * z));
        e.DishonestDebtor = r.Bernoulli(Sigmoid(-5.3 - (1.6 * z)));
        e.ConsumptionRestricted = e.DishonestDebtor || r.Bernoulli(Sigmoid(-5.5 - (1.4 * z)));
        e.LegalRepDishonest = r.Bernoulli(Sigmoid(-5.5 - (1.2 * z)));

        // administrative / registration behaviour
        e.AdminPenalties3y = r.Poisson(0.12 * Math.Exp(-0.6 * z));
        e.MajorPenalty3y = r.Bernoulli(Sigmoid(-5.0 - (0.8 * z)));
        e.AbnormalListed = r.Bernoulli(Sigmoid(-3.8 - (1.2 * z)));
        e.AnnualReportOnTime = r.Bernoulli(Sigmoid(2.5 + (0.8 * z)));
        e.LegalRepChanges3y = r.Poisson(0.2 * Math.Exp(-0.5 * z));
        e.ShareholderChanges3y = r.Poisson(0.4 * Math.Exp(-0.2 * z));
        e.EquityPledged = r.Bernoulli(0.03 * Math.Exp(-0.3 * z));
        e.ChattelMortgages = r.Poisson(0.08);

        // IP / qualifications / trade
        var techy = TechyIndustries[ind];
        e.Patents = techy ? r.Poisson(Math.Exp(0.3 + (0.4 * z))) : r.Poisson(0.2);
        e.Trademarks = r.Poisson(0.8 * Math.Exp(0.2 * z));
        e.TechCertified = r.Bernoulli(Sigmoid(-3.2 + (0.6 * z) + (techy ? 1.2 : 0.0)));
        var exporter = r.Uniform() < (ind is 0 or 1 ? 0.25 : 0.04); // F or C
        e.ImportExport12m10kUsd = exporter ? Round(Math.Exp(Math.Log(50) + (0.3 * z) + (1.2 * r.Normal())), 1) : 0.0;
        e.CustomsDishonest = exporter && r.Bernoulli(0.01);

        e.ObservableLogit = ObservableLogit(e);
        e.Logit = (SignalScale * e.ObservableLogit) - (0.3 * z) + (0.9 * r.Normal()); // unobserved part -> realistic AUC ceiling
        return e;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    // The 12-month 90+ DPD default model; its coefficients are the "truth" a bank's model recovers.
    private static double ObservableLogit(ReferenceEnterprise e)
    {
        var gradeWeight = e.TaxGrade switch { 'A' => -0.9, 'B' => 0.0, 'M' => 0.35, 'C' => 0.9, _ => 1.8 };
        return IndustryRisk[e.Industry]
            - (0.35 * Math.Log(e.EntAgeYears))
            + gradeWeight
            - (0.15 * Math.Log(1 + e.TaxPaid12m10k))
            - (0.8 * Clip(e.SalesGrowthYoy, -1, 0.5))
            + (0.12 * e.ZeroDeclMonths12m)
            + (1.0 * Flag(e.TaxArrears))
            - (0.2 * Math.Log(1 + e.SiHeadcount))
            - (0.8 * Clip(e.SiHeadcountChg12m, -1, 0.5))
            + (0.15 * e.SiArrearsMonths12m)
            - (0.25 * Flag(e.HpfHeadcount > 0))
            + (0.8 * e.ElecCv12m)
            + (0.25 * e.UtilityArrears24m)
            + (0.15 * Math.Min(5, e.Lawsuits3y))
            + (0.9 * Math.Min(3, e.EnforcementActive))
            + (2.0 * Flag(e.DishonestDebtor))
            + (0.8 * Flag(e.ConsumptionRestricted))
            + (1.2 * Flag(e.LegalRepDishonest))
            + (0.1 * e.AdminPenalties3y)
            + (0.6 * Flag(e.MajorPenalty3y))
            + (1.0 * Flag(e.AbnormalListed))
            - (0.4 * Flag(e.AnnualReportOnTime))
            + (0.2 * e.LegalRepChanges3y)
            - (0.3 * Flag(e.TechCertified));
    }

    private static double Flag(bool value) => value ? 1.0 : 0.0;

    private static double Clip(double x, double lo, double hi) => x < lo ? lo : x > hi ? hi : x;

    // Python's round(x, n) rounds half to even, as does Math.Round's default.
    private static double Round(double x, int digits) => Math.Round(x, digits, MidpointRounding.ToEven);
}

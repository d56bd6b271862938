namespace DataGateway.Dataset.Generation;

/// <summary>
/// One enterprise in the reference generator's own units (10k CNY, fractions, years), before it
/// is mapped onto the catalog record. Field names follow the reference script.
/// </summary>
internal sealed class ReferenceEnterprise
{
#pragma warning disable SA1401, CA1051 // A plain bag of draws, filled in the reference's order.
    public double Z;
    public int Province;
    public int Industry;
    public int OrgForm;
    public double EntAgeYears;
    public double RegCapital10k;
    public double PaidInRatio;
    public int SiHeadcount;
    public double SiHeadcountChg12m;
    public int SiArrearsMonths12m;
    public int HpfHeadcount;
    public int HpfContinuousMonths;
    public double Sales12m10k;
    public bool General;
    public double SalesGrowthYoy;
    public double TaxPaid12m10k;
    public int ZeroDeclMonths12m;
    public int DeclMissingMonths24m;
    public bool TaxArrears;
    public int TaxLateCount24m;
    public int MonthsSinceLastTaxPayment;
    public char TaxGrade;
    public long ElecKwh12m;
    public double ElecBill12m10k;
    public double ElecCv12m;
    public double ElecYoyChg;
    public int UtilityArrears24m;
    public int UtilityMonthsOnTime24m;
    public int Lawsuits3y;
    public int EnforcementActive;
    public bool DishonestDebtor;
    public bool ConsumptionRestricted;
    public bool LegalRepDishonest;
    public int AdminPenalties3y;
    public bool MajorPenalty3y;
    public bool AbnormalListed;
    public bool AnnualReportOnTime;
    public int LegalRepChanges3y;
    public int ShareholderChanges3y;
    public bool EquityPledged;
    public int ChattelMortgages;
    public int Patents;
    public int Trademarks;
    public bool TechCertified;
    public double ImportExport12m10kUsd;
    public bool CustomsDishonest;

    /// <summary>The default model's observable part.</summary>
    public double ObservableLogit;

    /// <summary>The full default logit without intercept (observable part, latent health and noise).</summary>
    public double Logit;
#pragma warning restore SA1401, CA1051
}

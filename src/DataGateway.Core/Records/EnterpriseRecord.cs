namespace DataGateway.Core.Records;

/// <summary>
/// The raw public credit record of one enterprise as a data node holds it (DOMAIN.md field
/// catalog). It never leaves the node: only predicate answers, ciphertexts and noised
/// aggregates computed from it do.
/// </summary>
/// <remarks>
/// Amounts are whole CNY (USD for customs); ratios are basis points (1/10000); a null value
/// means the source department has no data, which a verification answers as <c>unknown</c>.
/// </remarks>
public sealed class EnterpriseRecord
{
    /// <summary>The enterprise's unified social credit code.</summary>
    public required string Uscc { get; init; }

    /// <summary>GB/T 2260 six-digit administrative division; its first two digits are the province.</summary>
    public required string Division { get; init; }

    /// <summary>GB/T 4754 industry section letter.</summary>
    public required string Industry { get; init; }

    /// <summary>Organisational form, e.g. LLC or INDIVIDUAL_BUSINESS.</summary>
    public required string OrgForm { get; init; }

    /// <summary>ACTIVE, REVOKED, DEREGISTERED or SUSPENDED.</summary>
    public required string Status { get; init; }

    /// <summary>Date of registration; the age fields derive from it and the data's as-of date.</summary>
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>Registered capital, CNY.</summary>
    public long? Capital { get; init; }

    /// <summary>Paid-in share of the registered capital, basis points.</summary>
    public int? PaidInRatioBp { get; init; }

    /// <summary>Legal representative changes in three years.</summary>
    public int? LegalRepChanges3y { get; init; }

    /// <summary>Shareholder changes in three years.</summary>
    public int? ShareholderChanges3y { get; init; }

    /// <summary>Whether the last annual report was filed on time.</summary>
    public bool? AnnualReportOnTime { get; init; }

    /// <summary>On the list of enterprises with abnormal operations (经营异常名录).</summary>
    public bool? AbnormalListed { get; init; }

    /// <summary>On the list of seriously illegal and dishonest enterprises (严重违法失信).</summary>
    public bool? SeriousDishonestListed { get; init; }

    /// <summary>Administrative penalties in three years.</summary>
    public int? PenaltiesCount3y { get; init; }

    /// <summary>Whether any penalty in three years was major.</summary>
    public bool? PenaltiesMajor3y { get; init; }

    /// <summary>Whether equity is pledged.</summary>
    public bool? EquityPledged { get; init; }

    /// <summary>Registered chattel mortgages.</summary>
    public int? ChattelMortgages { get; init; }

    /// <summary>Tax credit grade: A, B, M, C or D.</summary>
    public string? TaxGrade { get; init; }

    /// <summary>GENERAL or SMALL_SCALE.</summary>
    public string? TaxpayerType { get; init; }

    /// <summary>Declared sales over twelve months, CNY.</summary>
    public long? Sales12m { get; init; }

    /// <summary>Year-on-year sales growth, basis points.</summary>
    public int? SalesGrowthYoyBp { get; init; }

    /// <summary>Tax paid over twelve months, CNY.</summary>
    public long? TaxPaid12m { get; init; }

    /// <summary>Months with a zero declaration in twelve.</summary>
    public int? ZeroDeclMonths12m { get; init; }

    /// <summary>Months without a declaration in twenty-four.</summary>
    public int? MissingDeclMonths24m { get; init; }

    /// <summary>Late filings or payments in twenty-four months.</summary>
    public int? TaxLateCount24m { get; init; }

    /// <summary>Whether the enterprise owes overdue tax.</summary>
    public bool? TaxArrears { get; init; }

    /// <summary>Months since the last tax payment, 0-12.</summary>
    public int? MonthsSinceLastPayment { get; init; }

    /// <summary>Persons insured by social insurance.</summary>
    public int? SocialHeadcount { get; init; }

    /// <summary>Twelve-month change of the insured headcount, basis points.</summary>
    public int? SocialHeadcountChange12mBp { get; init; }

    /// <summary>Months in arrears with social insurance in twelve.</summary>
    public int? SocialArrearsMonths12m { get; init; }

    /// <summary>Persons covered by the housing provident fund.</summary>
    public int? HousingFundHeadcount { get; init; }

    /// <summary>Months of continuous housing fund payment.</summary>
    public int? HousingFundContinuousMonths { get; init; }

    /// <summary>Electricity used over twelve months, kWh.</summary>
    public long? ElectricityKwh12m { get; init; }

    /// <summary>Electricity billed over twelve months, CNY.</summary>
    public long? ElectricityBill12m { get; init; }

    /// <summary>Coefficient of variation of monthly consumption, basis points.</summary>
    public int? ElectricityCv12mBp { get; init; }

    /// <summary>Year-on-year change of consumption, basis points.</summary>
    public int? ElectricityYoyBp { get; init; }

    /// <summary>Utility arrears events in twenty-four months.</summary>
    public int? UtilityArrears24m { get; init; }

    /// <summary>Months paid on time in twenty-four.</summary>
    public int? UtilityMonthsOnTime24m { get; init; }

    /// <summary>Lawsuits as defendant in three years.</summary>
    public int? LawsuitsDefendant3y { get; init; }

    /// <summary>Active enforcement cases.</summary>
    public int? ActiveEnforcements { get; init; }

    /// <summary>On the list of dishonest judgment debtors (失信被执行人).</summary>
    public bool? DishonestDebtor { get; init; }

    /// <summary>Under a high-consumption restriction order.</summary>
    public bool? ConsumptionRestricted { get; init; }

    /// <summary>The legal representative is a dishonest judgment debtor.</summary>
    public bool? LegalRepDishonest { get; init; }

    /// <summary>Granted patents.</summary>
    public int? Patents { get; init; }

    /// <summary>Registered trademarks.</summary>
    public int? Trademarks { get; init; }

    /// <summary>Certified high-tech or specialised enterprise.</summary>
    public bool? TechCertified { get; init; }

    /// <summary>Imports and exports over twelve months, USD.</summary>
    public long? ImportExport12mUsd { get; init; }

    /// <summary>Customs dishonesty record.</summary>
    public bool? CustomsDishonest { get; init; }

    /// <summary>HMAC-SHA256 (platform key) of the legal representative's name, hex; matched, never released.</summary>
    public string? LegalRepNameHmac { get; init; }

    /// <summary>HMAC-SHA256 (platform key) of the legal representative's ID number, hex; matched, never released.</summary>
    public string? LegalRepIdHmac { get; init; }

    /// <summary>Synthetic 12-month default label (90+ days past due); ground truth for model evaluation only.</summary>
    public bool DefaultedIn12m { get; init; }
}

using System.Collections.Frozen;
using static DataGateway.Core.Catalog.FieldCategory;
using static DataGateway.Core.Catalog.FieldKind;

namespace DataGateway.Core.Catalog;

/// <summary>Every field a data node holds, with its category, kind and integer encoding.</summary>
public static class FieldCatalog
{
    /// <summary>Province prefixes of GB/T 2260 (DOMAIN.md).</summary>
    public static readonly IReadOnlyList<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
        "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    ];

    /// <summary>GB/T 4754-2017 sections used by the dataset.</summary>
    public static readonly IReadOnlyList<string> Industries =
        ["A", "C", "E", "F", "G", "H", "I", "K", "L", "M", "N", "O", "R"];

    /// <summary>Organisational forms.</summary>
    public static readonly IReadOnlyList<string> OrgForms =
        ["LLC", "INDIVIDUAL_BUSINESS", "SOLE_PROPRIETORSHIP", "PARTNERSHIP", "JOINT_STOCK", "COOPERATIVE"];

    /// <summary>Registration statuses.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["ACTIVE", "REVOKED", "DEREGISTERED", "SUSPENDED"];

    /// <summary>Tax credit grades, best first.</summary>
    public static readonly IReadOnlyList<string> TaxGrades = ["A", "B", "M", "C", "D"];

    /// <summary>Taxpayer types.</summary>
    public static readonly IReadOnlyList<string> TaxpayerTypes = ["GENERAL", "SMALL_SCALE"];

    /// <summary>All fields in catalog order.</summary>
    public static readonly IReadOnlyList<FieldDefinition> All =
    [
        Code("registration.province", Registration, Provinces, dimension: true),
        Code("registration.division", Registration, [], dimension: false),
        Code("registration.industry", Registration, Industries, dimension: true),
        Code("registration.orgForm", Registration, OrgForms, dimension: true),
        Code("registration.status", Registration, Statuses, dimension: true),
        Number("registration.ageYears", Registration, Years, "years", "whole years since registration at the as-of date"),
        Number("registration.capital", Registration, Amount, "CNY", "whole CNY"),
        Number("registration.paidInRatio", Registration, Ratio, "bp", "basis points (1/10000)"),
        Number("registration.legalRepChanges3y", Registration, Count, "changes", "count"),
        Number("registration.shareholderChanges3y", Registration, Count, "changes", "count"),
        Number("registration.annualReportOnTime", Registration, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("registration.abnormalListed", Registration, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("registration.seriousDishonestListed", Registration, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("penalties.count3y", Penalties, Count, "penalties", "count"),
        Number("penalties.major3y", Penalties, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("pledges.equityPledged", Registration, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("pledges.chattelMortgages", Registration, Count, "mortgages", "count"),
        Code("tax.grade", Tax, TaxGrades, dimension: true),
        Code("tax.taxpayerType", Tax, TaxpayerTypes, dimension: false),
        Number("tax.sales12m", Tax, Amount, "CNY", "whole CNY"),
        Number("tax.salesGrowthYoy", Tax, Ratio, "bp", "basis points (1/10000)"),
        Number("tax.paid12m", Tax, Amount, "CNY", "whole CNY"),
        Number("tax.zeroDeclMonths12m", Tax, Count, "months", "count"),
        Number("tax.missingDeclMonths24m", Tax, Count, "months", "count"),
        Number("tax.lateCount24m", Tax, Count, "events", "count"),
        Number("tax.arrears", Tax, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("tax.monthsSinceLastPayment", Tax, Count, "months", "count 0-12"),
        Number("social.headcount", Social, Count, "persons", "count"),
        Number("social.headcountChange12m", Social, Ratio, "bp", "basis points (1/10000)"),
        Number("social.arrearsMonths12m", Social, Count, "months", "count"),
        Number("housingFund.headcount", HousingFund, Count, "persons", "count"),
        Number("housingFund.continuousMonths", HousingFund, Count, "months", "count"),
        Number("utilities.electricityKwh12m", Utilities, Count, "kWh", "whole kWh"),
        Number("utilities.electricityBill12m", Utilities, Amount, "CNY", "whole CNY"),
        Number("utilities.electricityCv12m", Utilities, Ratio, "bp", "basis points (1/10000)"),
        Number("utilities.electricityYoy", Utilities, Ratio, "bp", "basis points (1/10000)"),
        Number("utilities.arrears24m", Utilities, Count, "events", "count"),
        Number("utilities.monthsOnTime24m", Utilities, Count, "months", "count"),
        Number("judicial.lawsuitsDefendant3y", Judicial, Count, "cases", "count"),
        Number("judicial.activeEnforcements", Judicial, Count, "cases", "count"),
        Number("judicial.dishonestDebtor", Judicial, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("judicial.consumptionRestricted", Judicial, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("judicial.legalRepDishonest", Judicial, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("ip.patents", Ip, Count, "patents", "count"),
        Number("ip.trademarks", Ip, Count, "trademarks", "count"),
        Number("ip.techCertified", Ip, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        Number("customs.importExport12mUsd", Customs, Amount, "USD", "whole USD"),
        Number("customs.dishonest", Customs, FieldKind.Boolean, "flag", "1 = true, 0 = false"),
        new("legalRep.nameHmac", LegalRep, Hmac, "hmac", "never released; matched by legalRep.matches", [], false, false, false),
        new("legalRep.idHmac", LegalRep, Hmac, "hmac", "never released; matched by legalRep.matches", [], false, false, false),
    ];

    private static readonly FrozenDictionary<string, FieldDefinition> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Looks a field up by its exact wire name.</summary>
    public static bool TryGet(string? name, out FieldDefinition field) =>
        ByName.TryGetValue(name ?? string.Empty, out field!);

    private static FieldDefinition Code(string name, FieldCategory category, IReadOnlyList<string> values, bool dimension) =>
        new(name, category, Categorical, "code", "indicator per value, e.g. field=value encodes 1 or 0", values,
            Scorable: values.Count > 0, Aggregatable: false, Dimension: dimension);

    private static FieldDefinition Number(string name, FieldCategory category, FieldKind kind, string unit, string encoding) =>
        new(name, category, kind, unit, encoding, [], Scorable: true, Aggregatable: true, Dimension: false);
}

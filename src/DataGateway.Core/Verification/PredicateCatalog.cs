using System.Collections.Frozen;
using DataGateway.Core.Catalog;
using static DataGateway.Core.Catalog.FieldCategory;
using static DataGateway.Core.Verification.ParameterDefinition;

namespace DataGateway.Core.Verification;

/// <summary>
/// Every verification predicate with its closed parameter lists. Parameters come only from
/// these lists so that nobody can bisect an exact value out of yes/no answers.
/// </summary>
public static class PredicateCatalog
{
    /// <summary>All predicates in catalog order.</summary>
    public static readonly IReadOnlyList<PredicateDefinition> All =
    [
        P("ent.active", "the registration status is ACTIVE", Registration, ["registration.status"]),
        P("ent.ageAtLeast", "registered at least `years` years before the as-of date", Registration,
            ["registration.ageYears"], OneOf("years", 1, 2, 3, 5)),
        P("ent.notAbnormalListed", "not on the abnormal-operations list", Registration, ["registration.abnormalListed"]),
        P("ent.notSeriousDishonest", "not on the serious-dishonesty list", Registration, ["registration.seriousDishonestListed"]),
        P("ent.annualReportOnTime", "the last annual report was filed on time", Registration, ["registration.annualReportOnTime"]),
        P("legalRep.matches", "the legal representative's name and ID number match the record", LegalRep,
            ["legalRep.nameHmac", "legalRep.idHmac"], Secret("name"), Secret("idNumber")),
        P("tax.gradeIn", "the tax credit grade is in `grades`", Tax, ["tax.grade"],
            SetOf("grades", ["A"], ["A", "B"], ["A", "B", "M"])),
        P("tax.paid12mAtLeast", "tax paid in the last 12 months is at least `amountCny`", Tax, ["tax.paid12m"],
            OneOf("amountCny", 30_000, 50_000, 100_000, 300_000, 1_000_000)),
        P("tax.noZeroFilingRun", "fewer than 3 zero-declaration months in 12", Tax, ["tax.zeroDeclMonths12m"]),
        P("tax.continuousFiling", "at most 2 missing declaration months in 24", Tax, ["tax.missingDeclMonths24m"]),
        P("tax.noArrears", "no overdue tax", Tax, ["tax.arrears"]),
        P("social.headcountAtLeast", "at least `n` persons socially insured", Social, ["social.headcount"],
            OneOf("n", 1, 3, 5, 10, 20, 50)),
        P("social.noArrears", "no social insurance arrears in 12 months", Social, ["social.arrearsMonths12m"]),
        P("housingFund.continuousAtLeast", "housing fund paid continuously for at least `months` months", HousingFund,
            ["housingFund.continuousMonths"], OneOf("months", 6, 12, 24)),
        P("utilities.electricityBill12mAtLeast", "electricity billed in 12 months is at least `amountCny`", Utilities,
            ["utilities.electricityBill12m"], OneOf("amountCny", 50_000, 100_000, 300_000)),
        P("utilities.noArrears", "no utility arrears in 24 months", Utilities, ["utilities.arrears24m"]),
        P("court.notDishonestDebtor", "not a dishonest judgment debtor", Judicial, ["judicial.dishonestDebtor"]),
        P("court.noActiveEnforcement", "no active enforcement case", Judicial, ["judicial.activeEnforcements"]),
        P("court.noConsumptionRestriction", "no high-consumption restriction", Judicial, ["judicial.consumptionRestricted"]),
        P("penalty.noMajorIn3y", "no major administrative penalty in 3 years", Penalties, ["penalties.major3y"]),
        P("customs.notDishonest", "no customs dishonesty record", Customs, ["customs.dishonest"]),
        P("ip.techCertified", "certified as a technology enterprise", Ip, ["ip.techCertified"]),
    ];

    private static readonly FrozenDictionary<string, PredicateDefinition> ByName =
        All.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Looks a predicate up by its exact wire name.</summary>
    public static bool TryGet(string? name, out PredicateDefinition predicate) =>
        ByName.TryGetValue(name ?? string.Empty, out predicate!);

    private static PredicateDefinition P(
        string name, string description, FieldCategory category, string[] fields, params ParameterDefinition[] parameters) =>
        new(name, description, category, fields, parameters);
}

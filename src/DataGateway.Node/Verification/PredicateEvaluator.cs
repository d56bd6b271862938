using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Core.Records;
using DataGateway.Core.Verification;

namespace DataGateway.Node.Verification;

/// <summary>
/// Answers one verification predicate on one raw record (DOMAIN.md "Verification products").
/// Missing department data answers <see cref="CheckOutcome.Unknown"/>, never false.
/// </summary>
internal static class PredicateEvaluator
{
    /// <summary>
    /// Re-checks a check the gateway already validated: a node never computes a predicate or a
    /// parameter value outside the catalogue, whoever sent it. Null when the check is valid.
    /// </summary>
    public static ProblemCode? Validate(string? predicate, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        if (!PredicateCatalog.TryGet(predicate, out var definition))
        {
            return ProblemCodes.UnknownPredicate;
        }

        if (parameters is null)
        {
            return ProblemCodes.ParamNotAllowed;
        }

        return definition.Name == LegalRepMatch.Predicate
            ? LegalRepMatch.Validate(parameters)
            : CatalogParameters.Validate(definition, parameters);
    }

    /// <summary>Evaluates a check that <see cref="Validate"/> accepted; throws on one it would refuse.</summary>
    public static CheckOutcome Evaluate(string predicate, IReadOnlyDictionary<string, JsonElement> parameters, EnterpriseRecord record, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Validate(predicate, parameters) is not null)
        {
            throw new ArgumentException("The check is not in the catalogue.", nameof(predicate));
        }

        return predicate switch
        {
            "ent.active" => CheckOutcomes.From(record.Status == "ACTIVE"),
            "ent.ageAtLeast" => CheckOutcomes.From(record.RegisteredOn <= asOf.AddYears(-(int)Number(parameters, "years"))),
            "ent.notAbnormalListed" => Not(record.AbnormalListed),
            "ent.notSeriousDishonest" => Not(record.SeriousDishonestListed),
            "ent.annualReportOnTime" => CheckOutcomes.From(record.AnnualReportOnTime),
            "legalRep.matches" => LegalRepMatch.Evaluate(parameters, record),
            "tax.gradeIn" => record.TaxGrade is { } grade ? CheckOutcomes.From(InSet(parameters["grades"], grade)) : CheckOutcome.Unknown,
            "tax.paid12mAtLeast" => AtLeast(record.TaxPaid12m, Number(parameters, "amountCny")),
            "tax.noZeroFilingRun" => record.ZeroDeclMonths12m is { } zero ? CheckOutcomes.From(zero < 3) : CheckOutcome.Unknown,
            "tax.continuousFiling" => record.MissingDeclMonths24m is { } missing ? CheckOutcomes.From(missing <= 2) : CheckOutcome.Unknown,
            "tax.noArrears" => Not(record.TaxArrears),
            "social.headcountAtLeast" => AtLeast(record.SocialHeadcount, Number(parameters, "n")),
            "social.noArrears" => Zero(record.SocialArrearsMonths12m),
            "housingFund.continuousAtLeast" => AtLeast(record.HousingFundContinuousMonths, Number(parameters, "months")),
            "utilities.electricityBill12mAtLeast" => AtLeast(record.ElectricityBill12m, Number(parameters, "amountCny")),
            "utilities.noArrears" => Zero(record.UtilityArrears24m),
            "court.notDishonestDebtor" => Not(record.DishonestDebtor),
            "court.noActiveEnforcement" => Zero(record.ActiveEnforcements),
            "court.noConsumptionRestriction" => Not(record.ConsumptionRestricted),
            "penalty.noMajorIn3y" => Not(record.PenaltiesMajor3y),
            "customs.notDishonest" => Not(record.CustomsDishonest),
            "ip.techCertified" => CheckOutcomes.From(record.TechCertified),
            _ => throw new ArgumentException("The catalogue has a predicate this node cannot answer.", nameof(predicate)),
        };
    }

    private static long Number(IReadOnlyDictionary<string, JsonElement> parameters, string name) => parameters[name].GetInt64();

    private static bool InSet(JsonElement set, string code)
    {
        foreach (var item in set.EnumerateArray())
        {
            if (item.ValueEquals(code))
            {
                return true;
            }
        }

        return false;
    }

    private static CheckOutcome Not(bool? flag) => flag is { } value ? CheckOutcomes.From(!value) : CheckOutcome.Unknown;

    private static CheckOutcome Zero(int? count) => count is { } value ? CheckOutcomes.From(value == 0) : CheckOutcome.Unknown;

    private static CheckOutcome AtLeast(long? value, long threshold) =>
        value is { } known ? CheckOutcomes.From(known >= threshold) : CheckOutcome.Unknown;
}

using DataGateway.Core.Problems;
using DataGateway.Core.Verification;
using DataGateway.Node.Verification;

namespace DataGateway.Node.Tests;

public sealed class PredicateEvaluatorTests
{
    public static TheoryData<string, string, string, object?, CheckOutcome> Cases => new()
    {
        // predicate, params, property changed, new value, expected
        { "ent.active", "{}", "Status", "ACTIVE", CheckOutcome.True },
        { "ent.active", "{}", "Status", "REVOKED", CheckOutcome.False },
        { "ent.active", "{}", "Status", "SUSPENDED", CheckOutcome.False },
        { "ent.notAbnormalListed", "{}", "AbnormalListed", false, CheckOutcome.True },
        { "ent.notAbnormalListed", "{}", "AbnormalListed", true, CheckOutcome.False },
        { "ent.notAbnormalListed", "{}", "AbnormalListed", null, CheckOutcome.Unknown },
        { "ent.notSeriousDishonest", "{}", "SeriousDishonestListed", true, CheckOutcome.False },
        { "ent.notSeriousDishonest", "{}", "SeriousDishonestListed", null, CheckOutcome.Unknown },
        { "ent.annualReportOnTime", "{}", "AnnualReportOnTime", true, CheckOutcome.True },
        { "ent.annualReportOnTime", "{}", "AnnualReportOnTime", false, CheckOutcome.False },
        { "ent.annualReportOnTime", "{}", "AnnualReportOnTime", null, CheckOutcome.Unknown },
        { "tax.gradeIn", """{"grades":["A","B"]}""", "TaxGrade", "B", CheckOutcome.True },
        { "tax.gradeIn", """{"grades":["A"]}""", "TaxGrade", "B", CheckOutcome.False },
        { "tax.gradeIn", """{"grades":["A","B","M"]}""", "TaxGrade", "M", CheckOutcome.True },
        { "tax.gradeIn", """{"grades":["A","B","M"]}""", "TaxGrade", "D", CheckOutcome.False },
        { "tax.gradeIn", """{"grades":["A","B"]}""", "TaxGrade", null, CheckOutcome.Unknown },
        { "tax.paid12mAtLeast", """{"amountCny":50000}""", "TaxPaid12m", 50_000L, CheckOutcome.True },
        { "tax.paid12mAtLeast", """{"amountCny":50000}""", "TaxPaid12m", 49_999L, CheckOutcome.False },
        { "tax.paid12mAtLeast", """{"amountCny":50000}""", "TaxPaid12m", null, CheckOutcome.Unknown },
        { "tax.noZeroFilingRun", "{}", "ZeroDeclMonths12m", 2, CheckOutcome.True },
        { "tax.noZeroFilingRun", "{}", "ZeroDeclMonths12m", 3, CheckOutcome.False },
        { "tax.noZeroFilingRun", "{}", "ZeroDeclMonths12m", null, CheckOutcome.Unknown },
        { "tax.continuousFiling", "{}", "MissingDeclMonths24m", 2, CheckOutcome.True },
        { "tax.continuousFiling", "{}", "MissingDeclMonths24m", 3, CheckOutcome.False },
        { "tax.continuousFiling", "{}", "MissingDeclMonths24m", null, CheckOutcome.Unknown },
        { "tax.noArrears", "{}", "TaxArrears", false, CheckOutcome.True },
        { "tax.noArrears", "{}", "TaxArrears", true, CheckOutcome.False },
        { "tax.noArrears", "{}", "TaxArrears", null, CheckOutcome.Unknown },
        { "social.headcountAtLeast", """{"n":5}""", "SocialHeadcount", 5, CheckOutcome.True },
        { "social.headcountAtLeast", """{"n":5}""", "SocialHeadcount", 4, CheckOutcome.False },
        { "social.headcountAtLeast", """{"n":1}""", "SocialHeadcount", null, CheckOutcome.Unknown },
        { "social.noArrears", "{}", "SocialArrearsMonths12m", 0, CheckOutcome.True },
        { "social.noArrears", "{}", "SocialArrearsMonths12m", 1, CheckOutcome.False },
        { "social.noArrears", "{}", "SocialArrearsMonths12m", null, CheckOutcome.Unknown },
        { "housingFund.continuousAtLeast", """{"months":12}""", "HousingFundContinuousMonths", 12, CheckOutcome.True },
        { "housingFund.continuousAtLeast", """{"months":12}""", "HousingFundContinuousMonths", 11, CheckOutcome.False },
        { "housingFund.continuousAtLeast", """{"months":6}""", "HousingFundContinuousMonths", null, CheckOutcome.Unknown },
        { "utilities.electricityBill12mAtLeast", """{"amountCny":100000}""", "ElectricityBill12m", 100_000L, CheckOutcome.True },
        { "utilities.electricityBill12mAtLeast", """{"amountCny":100000}""", "ElectricityBill12m", 99_999L, CheckOutcome.False },
        { "utilities.electricityBill12mAtLeast", """{"amountCny":50000}""", "ElectricityBill12m", null, CheckOutcome.Unknown },
        { "utilities.noArrears", "{}", "UtilityArrears24m", 0, CheckOutcome.True },
        { "utilities.noArrears", "{}", "UtilityArrears24m", 1, CheckOutcome.False },
        { "utilities.noArrears", "{}", "UtilityArrears24m", null, CheckOutcome.Unknown },
        { "court.notDishonestDebtor", "{}", "DishonestDebtor", false, CheckOutcome.True },
        { "court.notDishonestDebtor", "{}", "DishonestDebtor", true, CheckOutcome.False },
        { "court.notDishonestDebtor", "{}", "DishonestDebtor", null, CheckOutcome.Unknown },
        { "court.noActiveEnforcement", "{}", "ActiveEnforcements", 0, CheckOutcome.True },
        { "court.noActiveEnforcement", "{}", "ActiveEnforcements", 1, CheckOutcome.False },
        { "court.noActiveEnforcement", "{}", "ActiveEnforcements", null, CheckOutcome.Unknown },
        { "court.noConsumptionRestriction", "{}", "ConsumptionRestricted", true, CheckOutcome.False },
        { "court.noConsumptionRestriction", "{}", "ConsumptionRestricted", null, CheckOutcome.Unknown },
        { "penalty.noMajorIn3y", "{}", "PenaltiesMajor3y", false, CheckOutcome.True },
        { "penalty.noMajorIn3y", "{}", "PenaltiesMajor3y", true, CheckOutcome.False },
        { "penalty.noMajorIn3y", "{}", "PenaltiesMajor3y", null, CheckOutcome.Unknown },
        { "customs.notDishonest", "{}", "CustomsDishonest", true, CheckOutcome.False },
        { "customs.notDishonest", "{}", "CustomsDishonest", null, CheckOutcome.Unknown },
        { "ip.techCertified", "{}", "TechCertified", true, CheckOutcome.True },
        { "ip.techCertified", "{}", "TechCertified", false, CheckOutcome.False },
        { "ip.techCertified", "{}", "TechCertified", null, CheckOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_AnswersPerDomainSemantics(string predicate, string parameters, string property, object? value, CheckOutcome expected)
    {
        var record = Some.RecordWith(property, value);

        Assert.Null(PredicateEvaluator.Validate(predicate, Some.Params(parameters)));
        Assert.Equal(expected, PredicateEvaluator.Evaluate(predicate, Some.Params(parameters), record, Some.AsOf));
    }

    [Theory]
    [InlineData(0, CheckOutcome.True)] // exactly `years` before as-of: the boundary holds
    [InlineData(1, CheckOutcome.False)]
    [InlineData(-400, CheckOutcome.True)]
    public void Evaluate_AgeAtLeast_HoldsFromTheAnniversary(int daysAfterAnniversary, CheckOutcome expected)
    {
        var record = Some.RecordWith("RegisteredOn", Some.AsOf.AddYears(-3).AddDays(daysAfterAnniversary));

        Assert.Equal(expected, PredicateEvaluator.Evaluate("ent.ageAtLeast", Some.Param("years", 3), record, Some.AsOf));
    }

    [Fact]
    public void Evaluate_LegalRepMatches_IsTrueOnlyWhenBothHmacsMatch()
    {
        var record = Some.Record();
        var other = new string('c', 64);

        Assert.Equal(CheckOutcome.True, Evaluate(record, Some.NameHmac, Some.IdHmac));
        Assert.Equal(CheckOutcome.False, Evaluate(record, other, Some.IdHmac));
        Assert.Equal(CheckOutcome.False, Evaluate(record, Some.NameHmac, other));
        Assert.Equal(CheckOutcome.False, Evaluate(record, Some.IdHmac, Some.NameHmac));
    }

    [Theory]
    [InlineData("LegalRepNameHmac")]
    [InlineData("LegalRepIdHmac")]
    public void Evaluate_LegalRepMatches_IsUnknown_WhenTheRecordHasNoHmac(string property)
    {
        Assert.Equal(CheckOutcome.Unknown, Evaluate(Some.RecordWith(property, null), Some.NameHmac, Some.IdHmac));
    }

    [Theory]
    [InlineData("tax.paid12mAtLeast", """{"amountCny":49999}""")] // not on the closed list: no bisection
    [InlineData("tax.paid12mAtLeast", """{"amountCny":"50000"}""")]
    [InlineData("tax.paid12mAtLeast", """{"amountCny":50000.5}""")]
    [InlineData("tax.paid12mAtLeast", "{}")]
    [InlineData("tax.paid12mAtLeast", """{"amountCny":50000,"extra":1}""")]
    [InlineData("ent.ageAtLeast", """{"years":4}""")]
    [InlineData("tax.gradeIn", """{"grades":["B","A"]}""")]
    [InlineData("tax.gradeIn", """{"grades":["A","B","C"]}""")]
    [InlineData("tax.gradeIn", """{"grades":"A"}""")]
    [InlineData("tax.noArrears", """{"x":1}""")]
    [InlineData("legalRep.matches", """{"name":"张伟","idNumber":"11010519491231002X"}""")] // plaintext never accepted
    [InlineData("legalRep.matches", """{"nameHmac":"abc","idNumberHmac":"def"}""")]
    [InlineData("legalRep.matches", """{"nameHmac":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","idNumberHmac":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}""")]
    public void Validate_RefusesParameters_OutsideTheCatalogue(string predicate, string parameters)
    {
        Assert.Equal(ProblemCodes.ParamNotAllowed, PredicateEvaluator.Validate(predicate, Some.Params(parameters)));
        Assert.Throws<ArgumentException>(() => PredicateEvaluator.Evaluate(predicate, Some.Params(parameters), Some.Record(), Some.AsOf));
    }

    [Theory]
    [InlineData("tax.secretField")]
    [InlineData("")]
    [InlineData("ENT.ACTIVE")]
    public void Validate_RefusesUnknownPredicates(string predicate)
    {
        Assert.Equal(ProblemCodes.UnknownPredicate, PredicateEvaluator.Validate(predicate, Some.Params()));
    }

    [Fact]
    public void Evaluate_AnswersEveryCataloguePredicate()
    {
        // A predicate added to the catalogue without an evaluator here would throw.
        foreach (var predicate in PredicateCatalog.All)
        {
            var parameters = predicate.Name == "legalRep.matches"
                ? Some.Params($$"""{"nameHmac":"{{Some.NameHmac}}","idNumberHmac":"{{Some.IdHmac}}"}""")
                : Some.Params("{" + string.Join(",", predicate.Parameters.Select(p => p.Kind == ParameterKind.Number
                    ? $"\"{p.Name}\":{p.AllowedIntegers[0]}"
                    : $"\"{p.Name}\":[" + string.Join(",", p.AllowedSets[0].Select(c => $"\"{c}\"")) + "]")) + "}");

            Assert.Null(PredicateEvaluator.Validate(predicate.Name, parameters));
            Assert.True(Enum.IsDefined(PredicateEvaluator.Evaluate(predicate.Name, parameters, Some.Record(), Some.AsOf)));
        }
    }

    private static CheckOutcome Evaluate(Core.Records.EnterpriseRecord record, string nameHmac, string idHmac) =>
        PredicateEvaluator.Evaluate(
            "legalRep.matches", Some.Params($$"""{"nameHmac":"{{nameHmac}}","idNumberHmac":"{{idHmac}}"}"""), record, Some.AsOf);
}

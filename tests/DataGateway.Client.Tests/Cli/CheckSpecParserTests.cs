using System.Text.Json;
using DataGateway.Cli.Verification;

namespace DataGateway.Client.Tests.Cli;

public sealed class CheckSpecParserTests
{
    [Fact]
    public void TryParse_ReturnsPredicateWithoutParams_WhenNoColon()
    {
        Assert.True(CheckSpecParser.TryParse("court.notDishonestDebtor", out var check, out _));

        Assert.Equal("court.notDishonestDebtor", check!.Predicate);
        Assert.Null(check.Params);
    }

    [Fact]
    public void TryParse_WritesANumber_WhenTheCatalogSaysNumber()
    {
        Assert.True(CheckSpecParser.TryParse("tax.paid12mAtLeast:amountCny=300000", out var check, out _));

        var value = check!.Params!["amountCny"];
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Equal(300000, value.GetInt64());
    }

    [Fact]
    public void TryParse_WritesAnArray_WhenCommasContinueACodeSet()
    {
        Assert.True(CheckSpecParser.TryParse("tax.gradeIn:grades=A,B", out var check, out _));

        Assert.Equal("""["A","B"]""", check!.Params!["grades"].GetRawText());
    }

    [Fact]
    public void TryParse_WritesAOneElementArray_WhenACodeSetHasOneValue()
    {
        Assert.True(CheckSpecParser.TryParse("tax.gradeIn:grades=A", out var check, out _));

        Assert.Equal("""["A"]""", check!.Params!["grades"].GetRawText());
    }

    [Fact]
    public void TryParse_SplitsTwoParameters_WhenEachCommaSegmentHasAName()
    {
        Assert.True(CheckSpecParser.TryParse("legalRep.matches:name=张三,idNumber=11010119900307451X", out var check, out _));

        Assert.Equal("张三", check!.Params!["name"].GetString());
        Assert.Equal("11010119900307451X", check.Params["idNumber"].GetString());
    }

    [Fact]
    public void TryParse_KeepsSecretDigitsAsAString_WhenTheCatalogSaysSecret()
    {
        Assert.True(CheckSpecParser.TryParse("legalRep.matches:name=a,idNumber=110101199003074514", out var check, out _));

        Assert.Equal(JsonValueKind.String, check!.Params!["idNumber"].ValueKind);
    }

    [Theory]
    [InlineData("future.predicate:n=5", "5")]
    [InlineData("future.predicate:codes=X,Y", """["X","Y"]""")]
    [InlineData("future.predicate:mode=strict", "\"strict\"")]
    public void TryParse_GuessesTheJsonType_WhenThePredicateIsNotInTheLocalCatalog(string spec, string expectedJson)
    {
        Assert.True(CheckSpecParser.TryParse(spec, out var check, out _));

        Assert.Equal(expectedJson, check!.Params!.Values.Single().GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(":amountCny=1")]
    [InlineData("tax.paid12mAtLeast:")]
    [InlineData("tax.paid12mAtLeast:amountCny")]
    [InlineData("tax.paid12mAtLeast:=300000")]
    [InlineData("tax.paid12mAtLeast:amountCny=")]
    [InlineData("tax.paid12mAtLeast:amountCny=lots")]
    [InlineData("tax.paid12mAtLeast:amountCny=1,2")]
    [InlineData("tax.paid12mAtLeast:amountCny=1,amountCny=2")]
    [InlineData("legalRep.matches:name=a,b,idNumber=1")]
    [InlineData("tax.gradeIn:grades=A,,B")]
    [InlineData("name=value")]
    [InlineData("two words")]
    public void TryParse_Fails_WhenTheSyntaxIsWrong(string spec)
    {
        Assert.False(CheckSpecParser.TryParse(spec, out var check, out var error));

        Assert.Null(check);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_DoesNotEchoTheValue_WhenASecretIsRejected()
    {
        Assert.False(CheckSpecParser.TryParse("legalRep.matches:name=王五,赵六,idNumber=1", out _, out var error));

        Assert.DoesNotContain("王五", error, StringComparison.Ordinal);
    }
}

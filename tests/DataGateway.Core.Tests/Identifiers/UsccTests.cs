using DataGateway.Core.Identifiers;

namespace DataGateway.Core.Tests.Identifiers;

public sealed class UsccTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("9144030071526726XG")]
    [InlineData("91310115MA1K3BTP2B")]
    [InlineData("91110108PDY00001XU")]
    [InlineData("91310115PDY000028D")]
    [InlineData("92440305PDY0000363")]
    public void TryParse_Accepts_WhenBothCheckCharactersMatch(string text)
    {
        Assert.True(Uscc.TryParse(text, out var code, out var error));
        Assert.Equal(UsccError.None, error);
        Assert.Equal(text, code.Value);
    }

    [Fact]
    public void TryParse_RejectsPosition18_WhenDomainCounterExampleGiven()
    {
        Assert.False(Uscc.TryParse("91350100M000100Y4Z", out _, out var error));
        Assert.Equal(UsccError.InvalidCharacter, error); // Z is outside the alphabet
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108PDY00001XU")]
    public void TryParse_RejectsEveryOtherCheckCharacter_AtPosition18(string valid)
    {
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY")
        {
            if (c == valid[17])
            {
                continue;
            }

            Assert.False(Uscc.TryParse(valid[..17] + c, out _, out var error));
            Assert.Equal(UsccError.CheckCharacterMismatch, error);
        }
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108PDY00001XU")]
    public void TryParse_RejectsWrongOrganisationCheck_EvenWhenPosition18IsRecomputed(string valid)
    {
        foreach (var c in "0123456789X")
        {
            if (c == valid[16])
            {
                continue;
            }

            // Recompute position 18 so only position 17 is wrong: proves the mod-11 check runs.
            var first17 = valid[..16] + c;
            var forged = first17 + UsccChecks.CodeCheckCharacter(first17);
            Assert.False(Uscc.TryParse(forged, out _, out var error));
            Assert.Equal(UsccError.OrganisationCheckMismatch, error);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91110108PDY00001X")]
    [InlineData("91110108PDY00001XUU")]
    public void TryParse_RejectsLength_WhenNotEighteen(string? text)
    {
        Assert.False(Uscc.TryParse(text, out _, out var error));
        Assert.Equal(UsccError.WrongLength, error);
    }

    [Theory]
    [InlineData("91110108pdy00001XU")]
    [InlineData("9111010OPDY00001XU")]
    [InlineData("91110108PDY00001X ")]
    public void TryParse_RejectsCharacters_OutsideTheAlphabet(string text)
    {
        Assert.False(Uscc.TryParse(text, out _, out var error));
        Assert.Equal(UsccError.InvalidCharacter, error);
    }

    [Fact]
    public void FromBody_AppendsBothChecks_ForSyntheticBlock()
    {
        Assert.Equal("91110108PDY00001XU", Uscc.FromBody("91110108PDY00001").Value);
        Assert.Equal("92440305PDY0000363", Uscc.FromBody("92440305PDY00003").Value);
    }

    [Fact]
    public void Parts_AreSlicedByPosition()
    {
        var code = Uscc.Parse("91310115PDY000028D");
        Assert.Equal("31", code.ProvinceCode);
        Assert.Equal("310115", code.DivisionCode);
        Assert.Equal("PDY000028", code.OrganisationCode);
    }
}

using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

public sealed class SyntheticPeopleTests
{
    [Fact]
    public void For_GivesIdNumbersValidUnderGb11643()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var id = SyntheticPeople.For(7, i).IdNumber;

            Assert.Matches("^[0-9]{17}[0-9X]$", id);
            Assert.Equal(id[17], SyntheticPeople.IdCheckCharacter(id.AsSpan(0, 17)));
            var birth = DateOnly.ParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(birth.Year, 1955, 1999);
        }
    }

    [Fact]
    public void IdCheckCharacter_MatchesTheStandardsWorkedExample()
    {
        // GB 11643-1999 appendix example: 11010519491231002X.
        Assert.Equal('X', SyntheticPeople.IdCheckCharacter("11010519491231002"));
    }

    [Fact]
    public void For_RecomputesThePlaintextBehindTheStoredHmacs()
    {
        var records = TestData.Generate(300, seed: 99);

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].LegalRepNameHmac is null)
            {
                continue;
            }

            var person = SyntheticPeople.For(99, i);
            Assert.Equal(TestData.Hmac.OfName(person.Name), records[i].LegalRepNameHmac);
            Assert.Equal(TestData.Hmac.OfIdNumber(person.IdNumber), records[i].LegalRepIdHmac);
        }
    }

    [Fact]
    public void For_GivesDifferentPeople_ForDifferentIndexes()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => SyntheticPeople.For(1, i).IdNumber).ToHashSet();

        Assert.True(ids.Count > 990);
    }
}

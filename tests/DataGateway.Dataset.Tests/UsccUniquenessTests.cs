using DataGateway.Core.Identifiers;
using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

public sealed class UsccUniquenessTests
{
    [Fact]
    public void Allocate_GivesAMillionUniqueValidCodes_WhenDivisionsFollowTheProvinceWeights()
    {
        // Draw categories and divisions as the generator does, concentrated enough that the
        // busiest (category, division) blocks overflow and roll to the next county (Guangdong:
        // 14% x 90% x 85% of a million is over the 99,999 a block holds).
        var r = new SplitMix64(42);
        var allocator = new UsccAllocator();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1_000_000; i++)
        {
            var province = ReferenceTables.Provinces[r.Choice(ReferenceTables.ProvinceWeights, ReferenceTables.ProvinceTotal)];
            var division = r.Uniform() < 0.9 ? province + "0100" : province + "0101";
            var category = r.Uniform() < 0.85 ? '1' : '2';

            var code = allocator.Allocate(category, division);

            Assert.True(seen.Add(code.Value));
            Assert.True(Uscc.TryParse(code.Value, out var parsed, out _));
            Assert.Equal(province, parsed.ProvinceCode);
        }

        Assert.Equal(1_000_000, seen.Count);
    }

    [Fact]
    public void Allocate_RollsToTheNextCounty_WhenABlockIsUsedUp()
    {
        var allocator = new UsccAllocator();
        Uscc last = default;
        for (var i = 0; i < 100_000; i++)
        {
            last = allocator.Allocate('1', "440100");
        }

        Assert.Equal("440101", last.DivisionCode);
        Assert.Equal("PDY00001", last.OrganisationCode[..8]);
    }

    [Fact]
    public void Allocate_StartsTheBlockAtOne_LikeTheDomainExamples()
    {
        var code = new UsccAllocator().Allocate('1', "110108");

        Assert.Equal("91110108PDY00001XU", code.Value);
    }
}

using System.Globalization;

namespace DataGateway.Dataset.Generation;

/// <summary>
/// The legal representative of enterprise <c>i</c>, recomputable from the seed and the index
/// alone so that tests and demos can present the plaintext the dataset holds only as HMACs.
/// </summary>
public static class SyntheticPeople
{
    private const ulong Salt = 0x3C6EF372FE94F82BUL;

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "华", "建", "国", "文", "丽", "斌", "鹏", "辉", "玲", "宇"];

    // GB 11643-1999: weights 2^(17-i) mod 11 and the check table of ISO 7064 mod 11-2.
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    private static readonly DateOnly EarliestBirth = new(1955, 1, 1);

    /// <summary>The legal representative of enterprise <paramref name="index"/> in the dataset generated with <paramref name="seed"/>.</summary>
    public static SyntheticPerson For(ulong seed, long index)
    {
        var r = SplitMix64.Derived(seed, Salt, index);
        var name = Surnames[Pick(r, Surnames.Length)] + GivenNames[Pick(r, GivenNames.Length)];
        if (r.Uniform() < 0.7)
        {
            name += GivenNames[Pick(r, GivenNames.Length)];
        }

        var province = ReferenceTables.Provinces[Pick(r, ReferenceTables.Provinces.Length)];
        var region = string.Create(CultureInfo.InvariantCulture, $"{province}{1 + Pick(r, 15):D2}{1 + Pick(r, 12):D2}");
        var birth = EarliestBirth.AddDays(Pick(r, 45 * 365)); // born 1955-1999: adults on any as-of date we use
        var sequence = 1 + Pick(r, 999);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence:D3}");
        return new SyntheticPerson(name, first17 + IdCheckCharacter(first17));
    }

    /// <summary>The GB 11643 check character of the first 17 digits of an ID number.</summary>
    public static char IdCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("An ID number body is 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheckCharacters[sum % 11];
    }

    private static int Pick(SplitMix64 r, int count) => (int)(r.Uniform() * count);
}

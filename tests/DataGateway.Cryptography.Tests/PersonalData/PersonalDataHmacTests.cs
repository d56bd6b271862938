using System.Security.Cryptography;
using System.Text;
using DataGateway.Cryptography.PersonalData;

namespace DataGateway.Cryptography.Tests.PersonalData;

public sealed class PersonalDataHmacTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly PersonalDataHmac _hmac = new(Key);

    [Fact]
    public void OfName_IsDeterministic_AndPinsTheLabelledFormat()
    {
        // Stored HMACs must stay comparable across releases: pin "label NUL value" under HMAC-SHA256.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("name\0张三")));

        Assert.Equal(expected, _hmac.OfName("张三"));
        Assert.Equal(expected, new PersonalDataHmac(Key).OfName("张三"));
    }

    [Fact]
    public void OfName_IsEqual_ForNfdAndNfcSpellingsAndSurroundingWhitespace()
    {
        Assert.Equal(_hmac.OfName("Jos\u00e9"), _hmac.OfName("Jose\u0301"));
        Assert.Equal(_hmac.OfName("张三"), _hmac.OfName(" \t张三 \n"));
        Assert.NotEqual(_hmac.OfName("张三"), _hmac.OfName("张 三"));
    }

    [Fact]
    public void OfIdNumber_IgnoresCaseOfTheCheckCharacterAndWhitespace() =>
        Assert.Equal(_hmac.OfIdNumber("11010519491231002X"), _hmac.OfIdNumber(" 11010519491231002x "));

    [Fact]
    public void OfName_Differs_FromOfIdNumber_ForTheSameText() =>
        Assert.NotEqual(_hmac.OfName("11010519491231002X"), _hmac.OfIdNumber("11010519491231002X"));

    [Fact]
    public void OfName_Differs_UnderADifferentKey()
    {
        var other = (byte[])Key.Clone();
        other[0] ^= 1;

        Assert.NotEqual(_hmac.OfName("张三"), new PersonalDataHmac(other).OfName("张三"));
        Assert.NotEqual(_hmac.OfIdNumber("11010519491231002X"), new PersonalDataHmac(other).OfIdNumber("11010519491231002X"));
    }

    [Fact]
    public void FixedTimeEquals_IsTrueOnlyForTwoEqualNonNullValues()
    {
        var a = _hmac.OfName("张三");

        Assert.True(PersonalDataHmac.FixedTimeEquals(a, new string(a.AsSpan())));
        Assert.False(PersonalDataHmac.FixedTimeEquals(a, _hmac.OfName("李四")));
        Assert.False(PersonalDataHmac.FixedTimeEquals(a, a[..^1]));
        Assert.False(PersonalDataHmac.FixedTimeEquals(a, null));
        Assert.False(PersonalDataHmac.FixedTimeEquals(null, a));
        Assert.False(PersonalDataHmac.FixedTimeEquals(null, null));
    }

    [Fact]
    public void Constructor_Throws_WhenKeyIsShorterThan32Bytes() =>
        Assert.Throws<ArgumentException>(() => new PersonalDataHmac(new byte[31]));
}

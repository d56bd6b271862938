using System.Numerics;
using System.Security.Cryptography;
using DataGateway.Client.Scoring;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>The bank-side decoder: signed decoding, the ±n/3 overflow band, and untrusted ciphertexts.</summary>
public sealed class ScoreDecoderTests
{
    private readonly ScoreDecoder _decoder = new(ScoringTestKeys.Private);

    [Fact]
    public void Decode_GivesANegativeLinearPredictor_FromItsModNEncoding()
    {
        var ciphertext = ScoringTestKeys.Public.EncryptSigned(-3_912_023).ToBase64Url();

        var score = _decoder.Decode(ciphertext, 1_000_000);

        Assert.False(score.Overflow);
        Assert.Equal(-3.912023, score.LinearPredictor, 9);
        Assert.Equal(600.0, score.Points, 2);
        Assert.Equal(1.0 / 51.0, score.Probability, 6);
    }

    [Fact]
    public void Decode_AcceptsBothEndsOfTheSignedRange()
    {
        var max = ScoringTestKeys.Public.MaxSignedValue;

        Assert.False(_decoder.Decode(Encrypt(max), 1).Overflow);
        Assert.False(_decoder.Decode(Encrypt(ScoringTestKeys.Public.N - max), 1).Overflow);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decode_FlagsOverflow_WhenThePlaintextIsInTheMiddleThird(int where)
    {
        var key = ScoringTestKeys.Public;
        var plaintext = where switch
        {
            1 => key.MaxSignedValue + 1,
            2 => key.N / 2,
            3 => key.N - key.MaxSignedValue - 1,
            _ => (key.N / 3) + 7,
        };

        var score = _decoder.Decode(Encrypt(plaintext), 1_000_000);

        Assert.True(score.Overflow);
        Assert.True(double.IsNaN(score.LinearPredictor));
        Assert.True(double.IsNaN(score.Points));
    }

    [Fact]
    public void Decode_Refuses_WhenTheCiphertextIsNotAUnitModN()
    {
        // c = n lies in (0, n²) but shares the factor n: refused before any decryption (RELIABILITY.md P1).
        Assert.Throws<CryptographicException>(() => _decoder.Decode(ScoringTestKeys.Public.ToBase64Url(), 1_000_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAEC")]
    [InlineData("not base64url!")]
    public void Decode_Refuses_WhenTheCiphertextIsMalformed(string text)
    {
        Assert.Throws<CryptographicException>(() => _decoder.Decode(text, 1_000_000));
    }

    [Fact]
    public void Decode_Refuses_WhenTheCiphertextIsLargerThanNSquared()
    {
        var tooLarge = Convert.ToBase64String((ScoringTestKeys.Public.NSquared + 1).ToByteArray(isUnsigned: true, isBigEndian: true))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Throws<CryptographicException>(() => _decoder.Decode(tooLarge, 1_000_000));
    }

    [Fact]
    public void Decode_RejectsANonPositiveScale()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _decoder.Decode(Encrypt(BigInteger.One), 0));
    }

    private static string Encrypt(BigInteger plaintext) => ScoringTestKeys.Public.Encrypt(plaintext).ToBase64Url();
}

using System.Numerics;
using DataGateway.Client.Scoring;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Client.Tests.Scoring;

/// <summary>RELIABILITY.md P4 on the bank's side: fixed-point encoding, encryption, and the decrypted linear predictor.</summary>
public sealed class ModelEncryptorTests
{
    [Theory]
    [InlineData("0.1", 1_000_000, 100_000)]
    [InlineData("-0.1", 1_000_000, -100_000)]
    [InlineData("0.0000025", 1_000_000, 3)]
    [InlineData("-0.0000025", 1_000_000, -3)]
    [InlineData("0.0000024999", 1_000_000, 2)]
    [InlineData("-1.2345675", 1_000_000, -1_234_568)]
    [InlineData("0", 1_000_000, 0)]
    [InlineData("123456789.123456789", 1_000_000_000, 123_456_789_123_456_789)]
    public void EncodeFixedPoint_RoundsHalfAwayFromZeroExactly(string weight, long scale, long expected)
    {
        Assert.Equal(new BigInteger(expected), ModelEncryptor.EncodeFixedPoint(decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), scale));
    }

    [Fact]
    public void EncodeFixedPoint_Throws_WhenTheProductDoesNotFitADecimal()
    {
        Assert.Throws<PlainModelException>(() => ModelEncryptor.EncodeFixedPoint(decimal.MaxValue / 2, 1_000));
    }

    [Fact]
    public void Encrypt_EncryptsEachWeightAndTheBiasAsSignedFixedPoint()
    {
        var model = ScoringTestKeys.Model(("tax.paid12m", -0.0000041m), ("tax.grade=A", -0.65m), ("judicial.dishonestDebtor", 2.3m));

        var encrypted = ModelEncryptor.Encrypt(model, ScoringTestKeys.Public);

        var registration = encrypted.Registration;
        Assert.Equal("pd-test", registration.Id);
        Assert.Equal(1_000_000, registration.Scale);
        Assert.Equal(model.Features, registration.Features);
        Assert.Equal(ScoringTestKeys.Public.ToBase64Url(), registration.PublicKey.N);
        Assert.Equal([-4, -650_000, 2_300_000], registration.Weights.Select(Decrypt));
        Assert.Equal(-3_500_000, Decrypt(registration.Bias));
    }

    [Fact]
    public void Encrypt_GivesFreshCiphertexts_EachTime()
    {
        var model = ScoringTestKeys.Model(("tax.arrears", 1.5m));

        var first = ModelEncryptor.Encrypt(model, ScoringTestKeys.Public).Registration;
        var second = ModelEncryptor.Encrypt(model, ScoringTestKeys.Public).Registration;

        // Equal ciphertexts would let anyone holding two registrations see which weights are equal.
        Assert.NotEqual(first.Weights[0], second.Weights[0]);
        Assert.NotEqual(first.Bias, second.Bias);
        Assert.Equal(Decrypt(first.Weights[0]), Decrypt(second.Weights[0]));
    }

    [Fact]
    public void Encrypt_Accepts_WhenTheWorstScoreIsExactlyTheSignedBound()
    {
        var model = new PlainModel { Id = "edge", Scale = 1, Features = ["tax.arrears"], Weights = [1m], Bias = 0m };

        var encrypted = ModelEncryptor.Encrypt(model, ScoringTestKeys.Public, ScoringTestKeys.Public.MaxSignedValue);

        Assert.Single(encrypted.Registration.Weights);
    }

    [Fact]
    public void Encrypt_RefusesAModelWhoseScoreCouldOverflow_OneBeyondTheBound()
    {
        var model = new PlainModel { Id = "edge", Scale = 1, Features = ["tax.arrears"], Weights = [1m], Bias = -1m };

        var error = Assert.Throws<PlainModelException>(() =>
            ModelEncryptor.Encrypt(model, ScoringTestKeys.Public, ScoringTestKeys.Public.MaxSignedValue));

        Assert.Contains("signed range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_WarnsAboutWeightsThatRoundingDistorts()
    {
        var model = ScoringTestKeys.Model(("tax.paid12m", -0.0000004m), ("tax.grade=A", -0.65m));

        var warning = Assert.Single(ModelEncryptor.Encrypt(model, ScoringTestKeys.Public).Warnings);

        Assert.Contains("weights[0] (tax.paid12m)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_RefusesAnInvalidModel()
    {
        var model = ScoringTestKeys.Model(("tax.paid12m", 1m)) with { Weights = [1m, 2m] };

        Assert.Throws<PlainModelException>(() => ModelEncryptor.Encrypt(model, ScoringTestKeys.Public));
    }

    [Fact]
    public void HomomorphicScore_DecodesToThePlaintextLinearPredictor_ForEveryFeatureTypeAndSign()
    {
        // Features as the node encodes them: CNY, basis points (negative growth), counts, flags, indicators.
        var model = ScoringTestKeys.Model(
            ("tax.paid12m", -0.0000052m), ("tax.salesGrowthYoy", -0.00011m), ("social.headcount", -0.021m),
            ("judicial.activeEnforcements", 0.9m), ("tax.arrears", 1.7m), ("tax.grade=D", 1.2m));
        var registration = ModelEncryptor.Encrypt(model, ScoringTestKeys.Public).Registration;
        var random = new Random(5);
        for (var trial = 0; trial < 12; trial++)
        {
            long[] x = [random.NextInt64(0, 5_000_000), random.Next(-9000, 9000), random.Next(0, 300), random.Next(0, 4), random.Next(0, 2), random.Next(0, 2)];
            if (trial == 0)
            {
                x = [0, 0, 0, 0, 0, 0];
            }

            var score = NodeScore(registration.Bias, registration.Weights, x);
            var decoded = new ScoreDecoder(ScoringTestKeys.Private).Decode(score.ToBase64Url(), registration.Scale);

            BigInteger expected = ModelEncryptor.EncodeFixedPoint(model.Bias, model.Scale);
            for (var i = 0; i < x.Length; i++)
            {
                expected += ModelEncryptor.EncodeFixedPoint(model.Weights[i], model.Scale) * x[i];
            }

            Assert.False(decoded.Overflow);
            Assert.Equal((double)expected / model.Scale, decoded.LinearPredictor, 12);
            Assert.Equal(Scorecard.Probability(decoded.LinearPredictor), decoded.Probability);
            Assert.Equal(Scorecard.Points(decoded.LinearPredictor), decoded.Points);
        }
    }

    // What the node computes: E(b) · Π E(wᵢ)^xᵢ mod n², then a re-randomisation.
    private static PaillierCiphertext NodeScore(string bias, IReadOnlyList<string> weights, long[] x)
    {
        var key = ScoringTestKeys.Public;
        var score = Parse(bias);
        for (var i = 0; i < x.Length; i++)
        {
            score = key.Add(score, key.Multiply(Parse(weights[i]), x[i]));
        }

        return key.Rerandomize(score);
    }

    private static PaillierCiphertext Parse(string text)
    {
        Assert.Equal(PaillierCiphertextError.None, ScoringTestKeys.Public.TryParseCiphertext(text, out var ciphertext));
        return ciphertext!;
    }

    private static long Decrypt(string text)
    {
        Assert.True(ScoringTestKeys.Private.TryDecryptSigned(Parse(text), out var value));
        return (long)value;
    }
}

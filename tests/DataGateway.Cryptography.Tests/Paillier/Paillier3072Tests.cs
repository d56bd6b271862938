using System.Numerics;
using System.Security.Cryptography;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>
/// RELIABILITY.md P4 at the production default: a 3072-bit key from the production generator, 20 random
/// scoring cases in CI (RELIABILITY_TIER=soak runs 200), libgmp and managed compared bit for bit.
/// </summary>
public sealed class Paillier3072Tests
{
    private const int Features = 8;

    private static readonly int Cases =
        string.Equals(Environment.GetEnvironmentVariable("RELIABILITY_TIER"), "soak", StringComparison.OrdinalIgnoreCase) ? 200 : 20;

    [Fact]
    public void Score_DecryptsToTheLinearPredictor_AndBackendsAgree_At3072Bits()
    {
        var secret = PaillierKeyGenerator.Generate();
        var key = secret.PublicKey;
        Assert.Equal(PaillierKeyGenerator.DefaultModulusBits, key.ModulusBits);
        Assert.Equal(PaillierKeyError.None, PaillierPublicKeyValidator.TryParse(key.ToBase64Url(), PaillierKeyPolicy.Production, out _));

        var codec = new PaillierFixedPoint(1_000_000);
        var weights = Enumerable.Range(0, Features).Select(_ => codec.EncodeWeight(RandomNumberGenerator.GetInt32(-4_000_000, 4_000_000) / 1e6)).ToArray();
        var bias = codec.EncodeWeight(-2.75);
        var encryptedWeights = weights.Select(key.EncryptSigned).ToArray();
        var encryptedBias = key.EncryptSigned(bias);
        using var gmp = PaillierModelScorer.Create(encryptedWeights, encryptedBias, Options(PaillierBackend.Gmp));
        using var managed = PaillierModelScorer.Create(encryptedWeights, encryptedBias, Options(PaillierBackend.Managed));

        for (var i = 0; i < Cases; i++)
        {
            var features = Enumerable.Range(0, Features).Select(_ => (long)RandomNumberGenerator.GetInt32(int.MinValue + 1, int.MaxValue)).ToArray();
            var zero = key.EncryptZero();

            var score = gmp.Score(features, zero);

            Assert.True(secret.TryDecryptSigned(score, out var value));
            Assert.Equal(bias + weights.Zip(features, (w, x) => w * x).Aggregate(BigInteger.Zero, BigInteger.Add), value);
            Assert.Equal(PaillierCiphertextError.None, key.TryParseCiphertext(score.ToBase64Url(), out _));
            Assert.Equal(score, managed.Score(features, zero));
        }
    }

    private static PaillierScoringOptions Options(PaillierBackend backend) =>
        new() { FeatureBits = 32, MaxTableBytes = 8L << 20, Backend = backend };
}

using System.Numerics;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>
/// RELIABILITY.md P4/P5 for the scoring hot loop: Dec(score) is the plaintext linear predictor on every
/// backend and table layout, and libgmp and managed give identical ciphertexts.
/// </summary>
public sealed class PaillierModelScorerProperties : IDisposable
{
    private const int Features = 6;
    private const int FeatureBits = 20;

    private static readonly PaillierPrivateKey Secret = PaillierTestKeys.Private;
    private static readonly PaillierPublicKey Key = Secret.PublicKey;

    private readonly long[] weights;
    private readonly long bias;
    private readonly PaillierModelScorer managed;
    private readonly PaillierModelScorer gmp;
    private readonly PaillierModelScorer managedDirect;
    private readonly PaillierModelScorer gmpDirect;

    public PaillierModelScorerProperties()
    {
        // Weights span both signs and the full range a scaled real weight takes.
        weights = [1_250_000, -3_400_000, 0, 1, -1, 987_654_321_012];
        bias = -5_000_000;
        var encrypted = weights.Select(w => Key.EncryptSigned(w)).ToArray();
        var encryptedBias = Key.EncryptSigned(bias);
        managed = Create(encrypted, encryptedBias, PaillierBackend.Managed, long.MaxValue);
        gmp = Create(encrypted, encryptedBias, PaillierBackend.Gmp, long.MaxValue);
        managedDirect = Create(encrypted, encryptedBias, PaillierBackend.Managed, 0);
        gmpDirect = Create(encrypted, encryptedBias, PaillierBackend.Gmp, 0);
    }

    [Property(MaxTest = 300)]
    public bool Score_DecryptsToTheLinearPredictor_AndBackendsAgreeBitForBit(int a, int b, int c, int d, int e, int f)
    {
        var features = new[] { a, b, c, d, e, f }.Select(x => (long)(x % (1 << (FeatureBits - 1)))).ToArray();
        var zero = Key.EncryptZero();

        var fromManaged = managed.Score(features, zero);
        var fromGmp = gmp.Score(features, zero);
        var fromManagedDirect = managedDirect.Score(features, zero);
        var fromGmpDirect = gmpDirect.Score(features, zero);

        return fromManaged.Equals(fromGmp) && fromManaged.Equals(fromManagedDirect) && fromManaged.Equals(fromGmpDirect)
            && Secret.TryDecryptSigned(fromManaged, out var value) && value == Predictor(features);
    }

    [Fact]
    public void Score_IsExact_AtTheFeatureBounds()
    {
        var bound = managed.FeatureBound;
        long[][] cases = [[bound, -bound, bound, bound, -bound, bound], [-bound, bound, 0, -bound, bound, -bound], [0, 0, 0, 0, 0, 0]];

        foreach (var features in cases)
        {
            Assert.True(Secret.TryDecryptSigned(gmp.Score(features, Key.EncryptZero()), out var value));
            Assert.Equal(Predictor(features), value);
        }
    }

    [Fact]
    public void Score_GivesDifferentCiphertextsOfTheSamePlaintext_ForTwoQueries()
    {
        long[] features = [3, -7, 11, 0, 1, 2];

        var first = gmp.Score(features, Key.EncryptZero());
        var second = gmp.Score(features, Key.EncryptZero());

        Assert.NotEqual(first, second);
        Assert.Equal(Secret.Decrypt(first), Secret.Decrypt(second));
        Assert.Equal(PaillierCiphertextError.None, Key.Validate(first.Value));
    }

    [Theory]
    [InlineData(PaillierBackend.Managed)]
    [InlineData(PaillierBackend.Gmp)]
    public void Score_Throws_WhenAFeatureExceedsTheDeclaredBound(PaillierBackend backend)
    {
        var scorer = backend == PaillierBackend.Gmp ? gmp : managed;
        long[] features = [scorer.FeatureBound + 1, 0, 0, 0, 0, 0];

        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.Score(features, Key.EncryptZero()));
        features[0] = -scorer.FeatureBound - 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.Score(features, Key.EncryptZero()));
    }

    [Theory]
    [InlineData(PaillierBackend.Managed)]
    [InlineData(PaillierBackend.Gmp)]
    public void Score_GivesTheSameCiphertexts_WhenCalledConcurrently(PaillierBackend backend)
    {
        var scorer = backend == PaillierBackend.Gmp ? gmp : managed;
        var zero = Key.EncryptZero();
        var inputs = Enumerable.Range(0, 64).Select(i => Enumerable.Range(0, Features).Select(j => (long)((i * 7919) + (j * 104729)) % scorer.FeatureBound * (j % 2 == 0 ? 1 : -1)).ToArray()).ToArray();
        var sequential = inputs.Select(features => scorer.Score(features, zero)).ToArray();

        var concurrent = new PaillierCiphertext[inputs.Length];
        Parallel.For(0, inputs.Length, i => concurrent[i] = scorer.Score(inputs[i], zero));

        Assert.Equal(sequential, concurrent);
    }

    [Fact]
    public void Score_Throws_WhenTheFeatureCountDiffers() =>
        Assert.Throws<ArgumentException>(() => gmp.Score(new long[Features - 1], Key.EncryptZero()));

    [Fact]
    public void Score_Throws_WhenTheEncryptionOfZeroIsUnderAnotherKey() =>
        Assert.Throws<ArgumentException>(() => gmp.Score(new long[Features], PaillierTestKeys.OtherPrivate.PublicKey.EncryptZero()));

    [Fact]
    public void Create_ChoosesTheWidestWindowThatFitsTheMemoryBound()
    {
        Assert.Equal(8, gmp.WindowBits);
        Assert.Equal(0, gmpDirect.WindowBits);
        Assert.Equal(0, gmpDirect.TableSizeInBytes);

        var entryBytes = (long)Key.CiphertextSizeInBytes;
        var fourBitBudget = Features * ((FeatureBits + 3) / 4) * 16 * entryBytes;
        using var bounded = Create(
            Enumerable.Range(0, Features).Select(_ => Key.EncryptZero()).ToArray(), Key.EncryptZero(), PaillierBackend.Managed, fourBitBudget + 1);

        Assert.Equal(4, bounded.WindowBits);
        Assert.True(bounded.TableSizeInBytes <= fourBitBudget + 1);
    }

    [Fact]
    public void Create_Throws_WhenAWeightIsUnderAnotherKey()
    {
        var mixed = new[] { Key.EncryptZero(), PaillierTestKeys.OtherPrivate.PublicKey.EncryptZero() };

        Assert.Throws<ArgumentException>(() => PaillierModelScorer.Create(mixed, Key.EncryptZero(), new PaillierScoringOptions()));
    }

    public void Dispose()
    {
        managed.Dispose();
        gmp.Dispose();
        managedDirect.Dispose();
        gmpDirect.Dispose();
    }

    private static PaillierModelScorer Create(PaillierCiphertext[] encrypted, PaillierCiphertext encryptedBias, PaillierBackend backend, long maxTableBytes) =>
        PaillierModelScorer.Create(encrypted, encryptedBias, new PaillierScoringOptions
        {
            FeatureBits = FeatureBits,
            MaxTableBytes = maxTableBytes,
            Backend = backend,
        });

    private BigInteger Predictor(long[] features)
    {
        BigInteger total = bias;
        for (var i = 0; i < features.Length; i++)
        {
            total += (BigInteger)weights[i] * features[i];
        }

        return total;
    }
}

using System.Numerics;
using BenchmarkDotNet.Attributes;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DataGateway.Bench.Paillier;

/// <summary>One 40-feature encrypted score at n = 2048 (issue 5: ≤ 1 ms libgmp, ≤ 2.5 ms managed).</summary>
[MemoryDiagnoser]
[MinIterationCount(8)]
[MaxIterationCount(20)]
[WarmupCount(2)]
public class ScoreBench
{
    private BenchModel model = null!;
    private PaillierModelScorer gmpTables = null!;
    private PaillierModelScorer managedTables = null!;
    private PaillierModelScorer gmpDirect = null!;
    private PaillierModelScorer managedDirect = null!;
    private PaillierCiphertext zero = null!;
    private BcBigInteger[] bcWeights = null!;
    private BcBigInteger bcBias = null!;
    private BcBigInteger bcModulus = null!;
    private BcBigInteger[] bcExponents = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = new BenchModel();
        gmpTables = Create(PaillierBackend.Gmp, 32L << 20);
        managedTables = Create(PaillierBackend.Managed, 32L << 20);
        gmpDirect = Create(PaillierBackend.Gmp, 0);
        managedDirect = Create(PaillierBackend.Managed, 0);
        zero = model.Key.EncryptZero();

        // BouncyCastle with the same fixed-width exponents (x + 2^32) and no tables:
        // E(b)·(Π E(wᵢ))^(−2^32)·Π E(wᵢ)^(xᵢ + 2^32).
        var nSquared = model.Key.NSquared;
        var product = model.EncryptedWeights.Aggregate(BigInteger.One, (a, c) => a * c.Value % nSquared);
        var cancel = ModularInverse.Of(BigInteger.ModPow(product, BigInteger.One << 32, nSquared), nSquared);
        bcModulus = ToBc(nSquared);
        bcWeights = model.EncryptedWeights.Select(c => ToBc(c.Value)).ToArray();
        bcBias = ToBc(model.EncryptedBias.Value * cancel % nSquared);
        bcExponents = model.Values.Select(x => ToBc(x + (1L << 32))).ToArray();
        var bcScore = new BigInteger(BouncyCastle().ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        if (!model.Secret.TryDecryptSigned(model.Key.Wrap(bcScore), out var bcValue) || bcValue != model.Predictor())
        {
            throw new InvalidOperationException("The BouncyCastle score does not decrypt to the predictor.");
        }

        foreach (var scorer in new[] { gmpTables, managedTables, gmpDirect, managedDirect })
        {
            if (!model.Secret.TryDecryptSigned(scorer.Score(model.Values, zero), out var value) || value != model.Predictor())
            {
                throw new InvalidOperationException($"{scorer.Backend}/{scorer.WindowBits} does not decrypt to the predictor.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        gmpTables.Dispose();
        managedTables.Dispose();
        gmpDirect.Dispose();
        managedDirect.Dispose();
    }

    [Benchmark(Baseline = true, Description = "libgmp, fixed-base tables (w=8)")]
    public PaillierCiphertext GmpTables() => gmpTables.Score(model.Values, zero);

    [Benchmark(Description = "managed Montgomery, fixed-base tables (w=8)")]
    public PaillierCiphertext ManagedTables() => managedTables.Score(model.Values, zero);

    [Benchmark(Description = "libgmp mpz_powm_sec, no tables")]
    public PaillierCiphertext GmpDirect() => gmpDirect.Score(model.Values, zero);

    [Benchmark(Description = "managed BigInteger.ModPow, no tables")]
    public PaillierCiphertext ManagedDirect() => managedDirect.Score(model.Values, zero);

    [Benchmark(Description = "BouncyCastle ModPow, 33-bit exponents, no tables")]
    public BcBigInteger BouncyCastle()
    {
        var accumulator = bcBias;
        for (var i = 0; i < bcWeights.Length; i++)
        {
            accumulator = accumulator.Multiply(bcWeights[i].ModPow(bcExponents[i], bcModulus)).Mod(bcModulus);
        }

        return accumulator;
    }

    private PaillierModelScorer Create(PaillierBackend backend, long maxTableBytes) =>
        PaillierModelScorer.Create(model.EncryptedWeights, model.EncryptedBias, new PaillierScoringOptions
        {
            FeatureBits = 32,
            MaxTableBytes = maxTableBytes,
            Backend = backend,
        });

    private static BcBigInteger ToBc(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}

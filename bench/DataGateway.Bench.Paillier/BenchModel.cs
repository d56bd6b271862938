using System.Numerics;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Bench.Paillier;

/// <summary>A 2048-bit key and a 40-feature model with scaled real weights, like a bank's scorecard.</summary>
internal sealed class BenchModel
{
    public const int Features = 40;

    public BenchModel()
    {
        var random = new Random(20261126);
        Secret = PaillierKeyGenerator.Generate(2048);
        var codec = new PaillierFixedPoint(1_000_000);
        Weights = Enumerable.Range(0, Features).Select(_ => codec.EncodeWeight((random.NextDouble() * 4) - 2)).ToArray();
        Bias = codec.EncodeWeight(-3.5);
        EncryptedWeights = Weights.Select(Key.EncryptSigned).ToArray();
        EncryptedBias = Key.EncryptSigned(Bias);

        // Catalog encodings: amounts in CNY thousands, counts and 0/1 indicators, some negative deltas.
        Values = Enumerable.Range(0, Features).Select(i => (long)random.Next(-1_000_000, 1_000_000) >> (i % 20)).ToArray();
    }

    public PaillierPrivateKey Secret { get; }

    public PaillierPublicKey Key => Secret.PublicKey;

    public BigInteger[] Weights { get; }

    public BigInteger Bias { get; }

    public PaillierCiphertext[] EncryptedWeights { get; }

    public PaillierCiphertext EncryptedBias { get; }

    public long[] Values { get; }

    public BigInteger Predictor() => Bias + Weights.Zip(Values, (w, x) => w * x).Aggregate(BigInteger.Zero, BigInteger.Add);
}

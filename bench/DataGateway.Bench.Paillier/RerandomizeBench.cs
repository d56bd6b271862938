using System.Numerics;
using BenchmarkDotNet.Attributes;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Bench.Paillier;

/// <summary>
/// One re-randomisation at n = 2048: computing an encryption of zero (the pool's background cost, DJN
/// and textbook) and the request-path multiplication by a pooled value.
/// </summary>
[MinIterationCount(8)]
[MaxIterationCount(20)]
[WarmupCount(2)]
public class RerandomizeBench
{
    private PaillierPublicKey key = null!;
    private ZeroEncryptor gmp = null!;
    private ZeroEncryptor managed = null!;
    private PaillierCiphertext score = null!;
    private PaillierCiphertext zero = null!;
    private BigInteger nonce;

    [GlobalSetup]
    public void Setup()
    {
        key = PaillierKeyGenerator.Generate(2048).PublicKey;
        gmp = new ZeroEncryptor(key, PaillierBackend.Gmp);
        managed = new ZeroEncryptor(key, PaillierBackend.Managed);
        score = key.Encrypt(12345);
        zero = key.EncryptZero();
        nonce = PaillierRandom.Unit(key.N);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        gmp.Dispose();
        managed.Dispose();
    }

    [Benchmark(Description = "E(0) = hs^α (DJN, α of 1024 bits), libgmp fixed-base w=6")]
    public PaillierCiphertext DjnGmp() => gmp.Next();

    [Benchmark(Description = "E(0) = hs^α (DJN, α of 1024 bits), managed Montgomery fixed-base w=6")]
    public PaillierCiphertext DjnManaged() => managed.Next();

    [Benchmark(Description = "E(0) = r^n mod n² (textbook), libgmp mpz_powm_sec")]
    public BigInteger TextbookGmp() => gmp.FromNonce(nonce);

    [Benchmark(Description = "E(0) = r^n mod n² (textbook), System.Numerics ModPow")]
    public BigInteger TextbookManaged() => managed.FromNonce(nonce);

    [Benchmark(Description = "score · pooled E(0) mod n² (request path)")]
    public PaillierCiphertext MultiplyPooled() => key.Add(score, zero);
}

using System.Numerics;
using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// Produces encryptions of zero for re-randomising scores, on the chosen backend.
/// </summary>
/// <remarks>
/// A textbook E(0) = r^n mod n² costs a full 2048-bit exponentiation (about 8 ms with libgmp at n = 2048),
/// which caps a two-core node far below the 1,000 scores/s. <see cref="Next"/> therefore uses the
/// Damgård–Jurik–Nielsen randomiser that HEU uses: h = −x² mod n once per key, hₛ = h^n mod n², and
/// E(0) = hₛ^α for a fresh α of ⌈|n|/2⌉ bits, on fixed-base tables (Damgård–Jurik–Nielsen; HEU
/// <c>heu/library/algorithms/dj/README.md</c>: "h = −x² mod n, hₛ = h^n mod n², r ← {0,1}^⌈k/2⌉"). The
/// values are encryptions of zero either way; their unlinkability rests on the DJN assumption, as in HEU. <see cref="FromNonce"/> keeps the textbook form.
/// </remarks>
internal sealed class ZeroEncryptor : IDisposable
{
    private const int WindowBits = 6;

    private readonly PaillierPublicKey key;
    private readonly GmpInteger? n;
    private readonly GmpInteger? nSquared;
    private readonly IFixedBasePower power;

    public ZeroEncryptor(PaillierPublicKey key, PaillierBackend backend)
    {
        this.key = key;
        ExponentBits = (key.ModulusBits + 1) / 2;
        var x = PaillierRandom.Unit(key.N);
        var h = key.N - (x * x % key.N);
        var hs = GmpModPow.Compute(h, key.N, key.NSquared);
        if (PaillierBackends.UseGmp(backend))
        {
            n = GmpInteger.From(key.N);
            nSquared = GmpInteger.From(key.NSquared);
            power = new GmpFixedBase(hs, key.NSquared, ExponentBits, WindowBits);
        }
        else
        {
            power = new MontgomeryFixedBase(hs, key.NSquared, ExponentBits, WindowBits);
        }
    }

    public PaillierBackend Backend => n is null ? PaillierBackend.Managed : PaillierBackend.Gmp;

    /// <summary>Bits of the DJN exponent α.</summary>
    public int ExponentBits { get; }

    /// <summary>A fresh E(0) = hₛ^α mod n² with α uniform in [0, 2^(|n|/2)).</summary>
    public PaillierCiphertext Next()
    {
        var alpha = PaillierRandom.Below(BigInteger.One << ExponentBits);
        return key.Wrap(Power(alpha));
    }

    /// <summary>hₛ^α mod n² for a given α (the same value on both backends).</summary>
    public BigInteger Power(BigInteger alpha) => power.Power(alpha);

    /// <summary>The textbook r^n mod n² for a given r in Z*_n; the same value on both backends.</summary>
    public BigInteger FromNonce(BigInteger nonce)
    {
        if (n is null || nSquared is null)
        {
            // Deliberately System.Numerics, not GmpModPow: this is the independent oracle.
            return BigInteger.ModPow(nonce, key.N, key.NSquared);
        }

        // r is secret (it hides the score): the constant-time exponentiation.
        using var result = GmpInteger.Create();
        using var r = GmpInteger.From(nonce);
        GmpNative.PowModSecure(result, r, n, nSquared);
        return result.ToBigInteger();
    }

    public void Dispose()
    {
        n?.Dispose();
        nSquared?.Dispose();
        power.Dispose();
    }
}

using System.Numerics;
using System.Runtime.InteropServices;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>
/// Montgomery multiplication modulo an odd n² on 64-bit limbs (CIOS, Koç–Acar–Kaliski 1996), the managed
/// hot loop: one pass of 2k² limb products replaces System.Numerics' product plus long division
/// (ARCHITECTURE.md "Encrypted scoring": 2.2 ms against 4.8 ms per score).
/// </summary>
/// <remarks>Values are little-endian limb spans of <see cref="Limbs"/> words in Montgomery form x·R mod m, R = 2^(64k).</remarks>
internal sealed class MontgomeryContext
{
    private readonly ulong[] modulus;
    private readonly ulong inverse;
    private readonly BigInteger value;

    public MontgomeryContext(BigInteger oddModulus)
    {
        if (oddModulus.IsEven || oddModulus.Sign <= 0)
        {
            throw new ArgumentException("Montgomery reduction needs an odd positive modulus.", nameof(oddModulus));
        }

        value = oddModulus;
        Limbs = (int)((oddModulus.GetBitLength() + 63) / 64);
        modulus = ToLimbs(oddModulus);

        // −m⁻¹ mod 2^64 by Newton's iteration: each step doubles the correct low bits (3 → 96).
        var m0 = modulus[0];
        var x = m0;
        for (var i = 0; i < 5; i++)
        {
            x *= 2 - (m0 * x);
        }

        inverse = 0 - x;
    }

    public int Limbs { get; }

    /// <summary>Scratch words <see cref="Multiply"/> needs.</summary>
    public int ScratchLimbs => Limbs + 2;

    public ulong[] ToMontgomery(BigInteger x) => ToLimbs((x << (64 * Limbs)) % value);

    public BigInteger FromMontgomery(ReadOnlySpan<ulong> x)
    {
        Span<ulong> one = stackalloc ulong[Limbs];
        one[0] = 1;
        Span<ulong> scratch = stackalloc ulong[ScratchLimbs];
        Span<ulong> result = stackalloc ulong[Limbs];
        Multiply(x, one, result, scratch);
        return new BigInteger(MemoryMarshal.AsBytes(result), isUnsigned: true);
    }

    /// <summary>result = a·b·R⁻¹ mod m; result may alias a or b.</summary>
    public void Multiply(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result, Span<ulong> scratch)
    {
        var k = Limbs;

        // Slicing every operand to k words lets the JIT drop the bounds checks in the inner loops.
        a = a[..k];
        b = b[..k];
        var t = scratch[..(k + 2)];
        t.Clear();
        var low = t[..k];
        var n = modulus.AsSpan(0, k);
        for (var i = 0; i < b.Length; i++)
        {
            ulong carry = 0;
            var bi = b[i];
            for (var j = 0; j < low.Length; j++)
            {
                low[j] = MultiplyAdd(a[j], bi, low[j], ref carry);
            }

            var sum = t[k] + carry;
            t[k + 1] = sum < carry ? 1UL : 0UL;
            t[k] = sum;

            var m = t[0] * inverse;
            carry = 0;
            _ = MultiplyAdd(m, n[0], t[0], ref carry);
            var shifted = t[..k];
            for (var j = 1; j < n.Length; j++)
            {
                shifted[j - 1] = MultiplyAdd(m, n[j], shifted[j], ref carry);
            }

            sum = t[k] + carry;
            t[k - 1] = sum;
            t[k] = t[k + 1] + (sum < carry ? 1UL : 0UL);
        }

        // t < 2m: subtract m and keep whichever is in range, without branching on the value.
        ulong borrow = 0;
        for (var j = 0; j < k; j++)
        {
            var difference = t[j] - n[j] - borrow;
            borrow = ((~t[j] & n[j]) | (~(t[j] ^ n[j]) & difference)) >> 63;
            result[j] = difference;
        }

        // Keep t when it was already below m (borrow out of the top word and no overflow word).
        var keep = 0 - (borrow & ~t[k] & 1);
        for (var j = 0; j < k; j++)
        {
            result[j] = (t[j] & keep) | (result[j] & ~keep);
        }
    }

    private ulong[] ToLimbs(BigInteger x)
    {
        var limbs = new ulong[Limbs];
        x.TryWriteBytes(MemoryMarshal.AsBytes(limbs.AsSpan()), out _, isUnsigned: true);
        return limbs;
    }

    private static ulong MultiplyAdd(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        var high = Math.BigMul(a, b, out var low);
        low += addend;
        high += low < addend ? 1UL : 0UL;
        low += carry;
        high += low < carry ? 1UL : 0UL;
        carry = high;
        return low;
    }
}

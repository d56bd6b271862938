using System.Numerics;
using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier;

/// <summary>
/// Checks an untrusted Paillier modulus before it is used for anything (RELIABILITY.md item 10, P2).
/// </summary>
/// <remarks>
/// A key the gateway cannot trust either costs compute (oversized) or silently breaks the bank's own
/// secrecy (a prime or square n makes φ(n) public, so anyone decrypts). The checks run cheapest first
/// and the only exponentiations are Miller–Rabin's, on the key itself.
/// </remarks>
public static class PaillierPublicKeyValidator
{
    private const int SmallFactorBound = 1 << 16;

    // Every prime n passes every Miller–Rabin round, so one round already refuses every prime modulus;
    // further rounds only make it less likely that a composite n is refused as "prime".
    private const int MillerRabinRounds = 4;

    private static readonly int[] SmallPrimes = Sieve(SmallFactorBound);

    /// <summary>Parses and validates the wire form of a modulus.</summary>
    /// <param name="modulus">The canonical base64url big-endian n.</param>
    /// <param name="policy">The accepted sizes.</param>
    /// <param name="key">The key when valid.</param>
    public static PaillierKeyError TryParse(string? modulus, PaillierKeyPolicy policy, out PaillierPublicKey? key)
    {
        ArgumentNullException.ThrowIfNull(policy);
        key = null;
        if (!CanonicalInteger.TryDecode(modulus, PaillierKeyPolicy.LargestBits / 8, out var n))
        {
            return PaillierKeyError.Malformed;
        }

        var error = Validate(n, policy);
        if (error == PaillierKeyError.None)
        {
            key = new PaillierPublicKey(n);
        }

        return error;
    }

    /// <summary>Validates a modulus already held as an integer.</summary>
    /// <param name="n">The modulus.</param>
    /// <param name="policy">The accepted sizes.</param>
    public static PaillierKeyError Validate(BigInteger n, PaillierKeyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var bits = n.Sign > 0 ? n.GetBitLength() : 0;
        if (bits < policy.MinimumBits)
        {
            return PaillierKeyError.TooSmall;
        }

        if (bits > policy.MaximumBits)
        {
            return PaillierKeyError.TooLarge;
        }

        if (n.IsEven)
        {
            return PaillierKeyError.Even;
        }

        foreach (var prime in SmallPrimes)
        {
            if ((n % prime).IsZero)
            {
                return PaillierKeyError.SmallFactor;
            }
        }

        if (IsPerfectSquare(n))
        {
            return PaillierKeyError.PerfectSquare;
        }

        return IsProbablePrime(n) ? PaillierKeyError.Prime : PaillierKeyError.None;
    }

    internal static bool IsPerfectSquare(BigInteger n)
    {
        var root = IntegerSquareRoot(n);
        return root * root == n;
    }

    internal static BigInteger IntegerSquareRoot(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }

        // Newton's iteration from a power of two above the root decreases monotonically to floor(√n).
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    // Odd n > 2^16 with no small factor, as Validate guarantees.
    internal static bool IsProbablePrime(BigInteger n)
    {
        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        for (var round = 0; round < MillerRabinRounds; round++)
        {
            var a = round == 0 ? new BigInteger(2) : PaillierRandom.Below(n - 3) + 2;
            var x = GmpModPow.Compute(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            var witness = true;
            for (var i = 1; i < s && witness; i++)
            {
                x = x * x % n;
                witness = x != n - 1;
            }

            if (witness)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Sieve(int bound)
    {
        var composite = new bool[bound + 1];
        var primes = new List<int>();
        for (var i = 2; i <= bound; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = (long)i * i; j <= bound; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}

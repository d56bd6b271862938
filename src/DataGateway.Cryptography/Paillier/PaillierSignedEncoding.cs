using System.Numerics;

namespace DataGateway.Cryptography.Paillier;

/// <summary>
/// Signed integers in Z_n with explicit overflow bounds (python-paillier's EncodedNumber semantics):
/// [0, max] are non-negative, [n − max, n) are negative, and the middle third is overflow.
/// </summary>
/// <remarks>
/// With max = n/3 − 1 a sum or product that overflowed by less than n/3 lands in the middle third and
/// is flagged instead of wrapping silently into a plausible value of the other sign.
/// </remarks>
public static class PaillierSignedEncoding
{
    /// <summary>Maps a signed value to its plaintext; throws when |v| exceeds <see cref="PaillierPublicKey.MaxSignedValue"/>.</summary>
    /// <param name="key">The key whose n defines the bounds.</param>
    /// <param name="value">The signed value.</param>
    public static BigInteger ToPlaintext(PaillierPublicKey key, BigInteger value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (BigInteger.Abs(value) > key.MaxSignedValue)
        {
            throw new OverflowException("The value is outside the signed range of the key.");
        }

        return value.Sign < 0 ? key.N + value : value;
    }

    /// <summary>Maps a decrypted plaintext back to a signed value, or reports overflow.</summary>
    /// <param name="key">The key whose n defines the bounds.</param>
    /// <param name="plaintext">The decrypted m, 0 ≤ m &lt; n.</param>
    /// <param name="value">The signed value when not overflowed.</param>
    public static bool TryFromPlaintext(PaillierPublicKey key, BigInteger plaintext, out BigInteger value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value = BigInteger.Zero;
        if (plaintext.Sign < 0 || plaintext >= key.N)
        {
            throw new ArgumentOutOfRangeException(nameof(plaintext), "A plaintext must be in [0, n).");
        }

        if (plaintext <= key.MaxSignedValue)
        {
            value = plaintext;
            return true;
        }

        if (plaintext >= key.N - key.MaxSignedValue)
        {
            value = plaintext - key.N;
            return true;
        }

        return false;
    }
}

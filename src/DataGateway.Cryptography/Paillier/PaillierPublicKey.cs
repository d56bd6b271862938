using System.Numerics;
using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier;

/// <summary>
/// A Paillier public key with g = n + 1 (Paillier 1999; Damgård–Jurik's simplification), and the
/// operations anyone holding it can perform: encrypt, add, multiply by a plaintext, re-randomise.
/// </summary>
/// <remarks>Obtain one from <see cref="PaillierPublicKeyValidator.TryParse"/> (untrusted input) or <see cref="PaillierPrivateKey.PublicKey"/>.</remarks>
public sealed class PaillierPublicKey
{
    internal PaillierPublicKey(BigInteger n)
    {
        N = n;
        NSquared = n * n;
        MaxSignedValue = (n / 3) - 1;
        CiphertextSizeInBytes = CanonicalInteger.ByteLength(NSquared);
    }

    /// <summary>The modulus n.</summary>
    public BigInteger N { get; }

    /// <summary>n², the ciphertext modulus.</summary>
    public BigInteger NSquared { get; }

    /// <summary>The size of n in bits.</summary>
    public int ModulusBits => (int)N.GetBitLength();

    /// <summary>The largest byte length of a ciphertext under this key.</summary>
    public int CiphertextSizeInBytes { get; }

    /// <summary>
    /// The largest magnitude a signed plaintext may have: values in [−max, max] encode as m mod n, and
    /// decoded values in the middle third of Z_n are overflow (python-paillier's <c>max_int = n // 3 - 1</c>).
    /// </summary>
    public BigInteger MaxSignedValue { get; }

    /// <summary>The canonical wire form of n.</summary>
    public string ToBase64Url() => CanonicalInteger.Encode(N);

    /// <summary>Encrypts a plaintext 0 ≤ m &lt; n with a fresh r from <see cref="System.Security.Cryptography.RandomNumberGenerator"/>.</summary>
    /// <param name="plaintext">The plaintext m.</param>
    public PaillierCiphertext Encrypt(BigInteger plaintext)
    {
        if (plaintext.Sign < 0 || plaintext >= N)
        {
            throw new ArgumentOutOfRangeException(nameof(plaintext), "A plaintext must be in [0, n).");
        }

        return EncryptWithNonce(plaintext, PaillierRandom.Unit(N));
    }

    /// <summary>Encrypts a signed value |v| ≤ <see cref="MaxSignedValue"/> (negatives as n − |v|).</summary>
    /// <param name="value">The signed value.</param>
    public PaillierCiphertext EncryptSigned(BigInteger value) => Encrypt(PaillierSignedEncoding.ToPlaintext(this, value));

    /// <summary>A fresh encryption of zero, r^n mod n², for re-randomisation.</summary>
    public PaillierCiphertext EncryptZero() => new(this, ZeroFromNonce(PaillierRandom.Unit(N)));

    /// <summary>E(a) · E(b) mod n² = E(a + b).</summary>
    /// <param name="left">E(a).</param>
    /// <param name="right">E(b).</param>
    public PaillierCiphertext Add(PaillierCiphertext left, PaillierCiphertext right)
    {
        Own(left);
        Own(right);
        return new(this, left.Value * right.Value % NSquared);
    }

    /// <summary>E(a)^k mod n² = E(k · a); a negative k is applied as n − |k| mod n.</summary>
    /// <param name="ciphertext">E(a).</param>
    /// <param name="factor">The plaintext factor k.</param>
    public PaillierCiphertext Multiply(PaillierCiphertext ciphertext, BigInteger factor)
    {
        Own(ciphertext);
        var exponent = BigInteger.Remainder(factor, N);
        if (exponent.Sign < 0)
        {
            exponent += N;
        }

        return new(this, GmpModPow.Compute(ciphertext.Value, exponent, NSquared));
    }

    /// <summary>The same plaintext under a fresh r: c · r^n mod n² (RELIABILITY.md P5).</summary>
    /// <param name="ciphertext">The ciphertext to refresh.</param>
    public PaillierCiphertext Rerandomize(PaillierCiphertext ciphertext) => Add(ciphertext, EncryptZero());

    /// <summary>Parses and validates an untrusted ciphertext under this key (RELIABILITY.md P1).</summary>
    /// <param name="text">The canonical base64url form.</param>
    /// <param name="ciphertext">The ciphertext when valid.</param>
    /// <remarks>
    /// c = 1 is accepted: it is the encryption of 0 with r = 1, a valid element of Z*_{n²}, and refusing it
    /// would only refuse one of n−1 ways to spell E(0) while the others pass. It carries no risk to the
    /// node: the score is re-randomised before it leaves.
    /// </remarks>
    public PaillierCiphertextError TryParseCiphertext(string? text, out PaillierCiphertext? ciphertext)
    {
        ciphertext = null;
        if (!CanonicalInteger.TryDecode(text, CiphertextSizeInBytes, out var c))
        {
            return PaillierCiphertextError.Malformed;
        }

        var error = Validate(c);
        if (error == PaillierCiphertextError.None)
        {
            ciphertext = new PaillierCiphertext(this, c);
        }

        return error;
    }

    /// <summary>Checks 0 &lt; c &lt; n² and gcd(c, n) = 1.</summary>
    /// <param name="c">The candidate ciphertext.</param>
    public PaillierCiphertextError Validate(BigInteger c)
    {
        if (c.Sign <= 0 || c >= NSquared)
        {
            return PaillierCiphertextError.OutOfRange;
        }

        return BigInteger.GreatestCommonDivisor(c, N).IsOne ? PaillierCiphertextError.None : PaillierCiphertextError.NotUnit;
    }

    internal PaillierCiphertext EncryptWithNonce(BigInteger plaintext, BigInteger nonce) =>
        new(this, (BigInteger.One + (plaintext * N)) % NSquared * ZeroFromNonce(nonce) % NSquared);

    internal BigInteger ZeroFromNonce(BigInteger nonce) => GmpModPow.Compute(nonce, N, NSquared);

    internal PaillierCiphertext Wrap(BigInteger value) => new(this, value);

    private void Own(PaillierCiphertext ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        if (!ReferenceEquals(ciphertext.Key, this) && ciphertext.Key.N != N)
        {
            throw new ArgumentException("The ciphertext is under another public key.", nameof(ciphertext));
        }
    }
}

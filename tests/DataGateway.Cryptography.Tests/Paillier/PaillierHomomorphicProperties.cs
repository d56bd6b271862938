using System.Numerics;
using DataGateway.Cryptography.Paillier;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>RELIABILITY.md P4 and P5 over the raw operations, with the test holding the private key (the bank side).</summary>
public sealed class PaillierHomomorphicProperties
{
    private static readonly PaillierPrivateKey Secret = PaillierTestKeys.Private;
    private static readonly PaillierPublicKey Key = Secret.PublicKey;

    [Property(MaxTest = 500)]
    public bool Add_DecryptsToSum_ForSignedValues(long a, long b)
    {
        var sum = Key.Add(Key.EncryptSigned(a), Key.EncryptSigned(b));
        return Secret.TryDecryptSigned(sum, out var value) && value == (BigInteger)a + b;
    }

    [Property(MaxTest = 300)]
    public bool Multiply_DecryptsToProduct_IncludingNegativeFactors(long a, long k)
    {
        var product = Key.Multiply(Key.EncryptSigned(a), k);
        return Secret.TryDecryptSigned(product, out var value) && value == (BigInteger)a * k;
    }

    [Property(MaxTest = 200)]
    public bool Rerandomize_ChangesCiphertext_AndKeepsPlaintext(long a)
    {
        var original = Key.EncryptSigned(a);
        var refreshed = Key.Rerandomize(original);
        return !refreshed.Equals(original)
            && Key.Validate(refreshed.Value) == PaillierCiphertextError.None
            && Secret.TryDecryptSigned(refreshed, out var value) && value == a;
    }

    [Fact]
    public void Encrypt_GivesDifferentCiphertexts_ForTheSamePlaintext()
    {
        var first = Key.Encrypt(42);
        var second = Key.Encrypt(42);

        Assert.NotEqual(first, second);
        Assert.Equal(Secret.Decrypt(first), Secret.Decrypt(second));
    }

    [Fact]
    public void TryDecryptSigned_RoundTrips_AtTheSignedBounds()
    {
        var max = Key.MaxSignedValue;

        Assert.True(Secret.TryDecryptSigned(Key.EncryptSigned(max), out var top));
        Assert.Equal(max, top);
        Assert.True(Secret.TryDecryptSigned(Key.EncryptSigned(-max), out var bottom));
        Assert.Equal(-max, bottom);
    }

    [Fact]
    public void TryDecryptSigned_FlagsOverflow_WhenASumLeavesTheSignedRange()
    {
        var max = Key.EncryptSigned(Key.MaxSignedValue);

        Assert.False(Secret.TryDecryptSigned(Key.Add(max, Key.EncryptSigned(1)), out _));
        Assert.False(Secret.TryDecryptSigned(Key.Multiply(max, 2), out _));
        Assert.False(Secret.TryDecryptSigned(Key.Multiply(Key.EncryptSigned(-Key.MaxSignedValue), 2), out _));
    }

    [Fact]
    public void EncryptSigned_Throws_WhenTheValueExceedsTheBound()
    {
        Assert.Throws<OverflowException>(() => Key.EncryptSigned(Key.MaxSignedValue + 1));
        Assert.Throws<OverflowException>(() => Key.EncryptSigned(-Key.MaxSignedValue - 1));
    }

    [Fact]
    public void Add_Throws_WhenCiphertextsAreUnderDifferentKeys()
    {
        var other = PaillierTestKeys.OtherPrivate.PublicKey.Encrypt(1);

        Assert.Throws<ArgumentException>(() => Key.Add(Key.Encrypt(1), other));
        Assert.Throws<ArgumentException>(() => Secret.Decrypt(other));
    }

    [Fact]
    public void Decrypt_MatchesTheTextbookDefinition_ForAKnownNonce()
    {
        // Known answer: with g = n+1, E(m; r) = (1 + m·n)·r^n mod n² (Paillier 1999, §3).
        var m = new BigInteger(123456789);
        var r = new BigInteger(987654321);
        var expected = (1 + (m * Key.N)) * BigInteger.ModPow(r, Key.N, Key.NSquared) % Key.NSquared;

        var ciphertext = Key.EncryptWithNonce(m, r);

        Assert.Equal(expected, ciphertext.Value);
        Assert.Equal(m, Secret.Decrypt(ciphertext));
    }
}

using System.Numerics;

namespace DataGateway.Cryptography.Paillier;

/// <summary>A validated Paillier ciphertext: an element of Z*_{n²} under one public key.</summary>
/// <remarks>Instances exist only through encryption, homomorphic operations or <see cref="PaillierPublicKey.TryParseCiphertext"/>, so holding one means it passed RELIABILITY.md P1.</remarks>
public sealed class PaillierCiphertext : IEquatable<PaillierCiphertext>
{
    internal PaillierCiphertext(PaillierPublicKey key, BigInteger value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The public key this ciphertext is under.</summary>
    public PaillierPublicKey Key { get; }

    /// <summary>The ciphertext c, 0 &lt; c &lt; n².</summary>
    public BigInteger Value { get; }

    /// <summary>The canonical wire form: unpadded base64url of the big-endian bytes, no leading zeros.</summary>
    public string ToBase64Url() => CanonicalInteger.Encode(Value);

    /// <inheritdoc />
    public bool Equals(PaillierCiphertext? other) =>
        other is not null && Value == other.Value && Key.N == other.Key.N;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PaillierCiphertext);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The wire form (a ciphertext reveals nothing, so printing it is safe).</summary>
    public override string ToString() => ToBase64Url();
}

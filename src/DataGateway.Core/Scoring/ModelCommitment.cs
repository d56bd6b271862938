using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DataGateway.Core.Scoring;

/// <summary>
/// The commitment to a registered model: base64url SHA-256 over a canonical, length-prefixed encoding of
/// (n, scale, features, weights, bias) (RELIABILITY.md P6). Gateway, node and bank compute it alike, so a
/// node scores only the exact model that was registered and a bank can check what it registered.
/// </summary>
/// <remarks>
/// Encoding: the ASCII tag <c>dg-model-v1</c>, then n as a length-prefixed string, scale as 8 bytes
/// big-endian, the feature count as 4 bytes, each feature length-prefixed, the weight count, each weight
/// length-prefixed, and the bias length-prefixed; lengths are 4 bytes big-endian of the UTF-8 bytes.
/// Integers are hashed in their canonical base64url spelling, which is unique per value (a leading zero
/// byte is refused on parse), so two spellings of one model cannot have two commitments.
/// </remarks>
public static class ModelCommitment
{
    private static readonly byte[] Tag = "dg-model-v1"u8.ToArray();

    /// <summary>Computes the commitment.</summary>
    /// <param name="modulus">The public key's n, canonical base64url.</param>
    /// <param name="scale">The fixed-point scale.</param>
    /// <param name="features">The feature names in model order.</param>
    /// <param name="weights">The encrypted weights, canonical base64url, in feature order.</param>
    /// <param name="bias">The encrypted bias, canonical base64url.</param>
    public static string Compute(string modulus, long scale, IReadOnlyList<string> features, IReadOnlyList<string> weights, string bias)
    {
        ArgumentNullException.ThrowIfNull(modulus);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Tag);
        AppendString(hash, modulus);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, scale);
        hash.AppendData(number);
        AppendList(hash, features);
        AppendList(hash, weights);
        AppendString(hash, bias);
        return Base64Url.EncodeToString(hash.GetHashAndReset());
    }

    /// <summary>Compares a claimed commitment with the recomputed one in constant time.</summary>
    /// <param name="claimed">The commitment the request carries.</param>
    /// <param name="recomputed">The commitment recomputed from the request's model.</param>
    public static bool Matches(string? claimed, string recomputed)
    {
        ArgumentNullException.ThrowIfNull(recomputed);
        return claimed is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(claimed), Encoding.ASCII.GetBytes(recomputed));
    }

    private static void AppendList(IncrementalHash hash, IReadOnlyList<string> values)
    {
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(count, values.Count);
        hash.AppendData(count);
        foreach (var value in values)
        {
            AppendString(hash, value ?? throw new ArgumentException("A list member is null.", nameof(values)));
        }
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

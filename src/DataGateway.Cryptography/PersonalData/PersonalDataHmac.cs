using System.Security.Cryptography;
using System.Text;

namespace DataGateway.Cryptography.PersonalData;

/// <summary>
/// HMAC-SHA256 under the platform key for personal values (a legal representative's name and
/// ID number). DOMAIN.md forbids plain hashes of them: a plain hash of a name is reversed by
/// a dictionary, an HMAC is not without the key.
/// </summary>
public sealed class PersonalDataHmac
{
    /// <summary>Smallest platform key accepted.</summary>
    public const int MinimumKeySizeInBytes = 32;

    private readonly byte[] _key;

    /// <summary>Creates the matcher over a platform key of at least 32 bytes.</summary>
    public PersonalDataHmac(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeySizeInBytes)
        {
            throw new ArgumentException($"The platform HMAC key must be at least {MinimumKeySizeInBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Lower-case hex HMAC of a person's name, after trimming and Unicode NFC normalisation.</summary>
    public string OfName(string name) => Compute("name", name.Trim().Normalize(NormalizationForm.FormC));

    /// <summary>Lower-case hex HMAC of an ID number, after trimming and upper-casing (the check digit may be x/X).</summary>
    public string OfIdNumber(string idNumber) => Compute("id", idNumber.Trim().ToUpperInvariant());

    /// <summary>Compares two hex HMACs in time independent of where they differ.</summary>
    public static bool FixedTimeEquals(string? left, string? right) =>
        left is not null && right is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right));

    // A label per value type keeps a name's HMAC from ever equalling an ID number's.
    private string Compute(string label, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(label + "\0" + value)));
}

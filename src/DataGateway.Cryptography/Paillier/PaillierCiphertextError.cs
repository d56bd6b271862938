namespace DataGateway.Cryptography.Paillier;

/// <summary>Why a ciphertext is refused (RELIABILITY.md P1); every value but <see cref="None"/> maps to <c>invalid_ciphertext</c>.</summary>
public enum PaillierCiphertextError
{
    /// <summary>The ciphertext is acceptable.</summary>
    None,

    /// <summary>Not the canonical base64url spelling of a positive integer, or longer than n² allows.</summary>
    Malformed,

    /// <summary>The value is not in 0 &lt; c &lt; n².</summary>
    OutOfRange,

    /// <summary>gcd(c, n) ≠ 1: the value is not a unit, and it reveals a factor of n.</summary>
    NotUnit,
}

namespace DataGateway.Cryptography.Paillier;

/// <summary>Why a Paillier public key is refused (RELIABILITY.md P2); every value but <see cref="None"/> maps to <c>invalid_public_key</c>.</summary>
public enum PaillierKeyError
{
    /// <summary>The key is acceptable.</summary>
    None,

    /// <summary>Not the canonical base64url spelling of a positive integer.</summary>
    Malformed,

    /// <summary>The modulus has fewer bits than policy requires.</summary>
    TooSmall,

    /// <summary>The modulus has more bits than policy allows.</summary>
    TooLarge,

    /// <summary>The modulus is even.</summary>
    Even,

    /// <summary>The modulus has a prime factor of at most 2^16.</summary>
    SmallFactor,

    /// <summary>The modulus is a perfect square.</summary>
    PerfectSquare,

    /// <summary>The modulus is (probably) prime, so anyone can decrypt.</summary>
    Prime,
}

namespace DataGateway.Cryptography.Signing;

/// <summary>Outcome of checking a compact JWS.</summary>
public enum JwsStatus
{
    /// <summary>The signature verifies under the key named by kid.</summary>
    Valid,

    /// <summary>Not a well-formed compact JWS, oversized, or its header is refused.</summary>
    Malformed,

    /// <summary>The header names an algorithm other than ES256.</summary>
    UnsupportedAlgorithm,

    /// <summary>No key in the set has the header's kid (or the kid is absent).</summary>
    UnknownKey,

    /// <summary>The signature does not verify.</summary>
    BadSignature,
}

namespace DataGateway.Client.Models;

/// <summary>The Paillier public key of a model (API.md "Models and encrypted scores"): n only, since g = n + 1.</summary>
public sealed record ModelPublicKey
{
    /// <summary>The modulus n, base64url big-endian without padding.</summary>
    public required string N { get; init; }
}

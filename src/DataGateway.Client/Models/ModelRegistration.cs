namespace DataGateway.Client.Models;

/// <summary>Body of <c>POST /v1/models</c>: the features in the clear, the weights and bias encrypted under the bank's key.</summary>
/// <remarks>Build one from a plaintext model with <see cref="Scoring.ModelEncryptor"/>.</remarks>
public sealed record ModelRegistration
{
    /// <summary>The model id, scoped to the institution (e.g. <c>pd-v1</c>); immutable once registered.</summary>
    public required string Id { get; init; }

    /// <summary>The bank's public key.</summary>
    public required ModelPublicKey PublicKey { get; init; }

    /// <summary>The fixed-point scale the weights were multiplied by.</summary>
    public required long Scale { get; init; }

    /// <summary>Catalog fields or <c>field=value</c> indicators, in weight order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>E(round(scale·wᵢ)), one ciphertext per feature.</summary>
    public required IReadOnlyList<string> Weights { get; init; }

    /// <summary>E(round(scale·bias)).</summary>
    public required string Bias { get; init; }
}

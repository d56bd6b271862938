using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Scoring;

/// <summary>Body of <c>POST /v1/models</c> (API.md "Models and encrypted scores").</summary>
internal sealed record ModelRegistrationRequest
{
    public string? Id { get; init; }

    public ModelPublicKey? PublicKey { get; init; }

    public long? Scale { get; init; }

    public IReadOnlyList<string?>? Features { get; init; }

    public IReadOnlyList<string?>? Weights { get; init; }

    public string? Bias { get; init; }
}

/// <summary>A Paillier public key on the wire: n only, since g = n + 1.</summary>
internal sealed record ModelPublicKey
{
    public string? N { get; init; }
}

/// <summary>A registered model as the API shows it; the receipt only on registration and deletion.</summary>
internal sealed record ModelView
{
    public required string Id { get; init; }

    public required ModelPublicKey PublicKey { get; init; }

    public required long Scale { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required IReadOnlyList<string> Weights { get; init; }

    public required string Bias { get; init; }

    /// <summary>Base64url SHA-256 of the canonical model encoding (<see cref="Core.Scoring.ModelCommitment"/>).</summary>
    public required string Commitment { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public required string Status { get; init; }

    public AuditReceipt? Receipt { get; init; }
}

/// <summary>Body of <c>GET /v1/models</c>: the institution's active models in registration order.</summary>
internal sealed record ModelList
{
    public required IReadOnlyList<ModelView> Items { get; init; }
}

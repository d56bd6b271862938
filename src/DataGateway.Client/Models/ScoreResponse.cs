using DataGateway.Core.Contracts;

namespace DataGateway.Client.Models;

/// <summary>Body of a successful <c>POST /v1/scores</c>: the encrypted linear predictor.</summary>
/// <remarks>Only the bank can read it: <see cref="Scoring.ScoreDecoder"/> decrypts with the private key.</remarks>
public sealed record ScoreResponse
{
    /// <summary>The score id, <c>scr_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The enterprise scored.</summary>
    public required string Subject { get; init; }

    /// <summary>The model used.</summary>
    public required string Model { get; init; }

    /// <summary>E(round(scale·bias) + Σ round(scale·wᵢ)·xᵢ), re-randomised, base64url.</summary>
    public required string Ciphertext { get; init; }

    /// <summary>The model's scale; the decrypted integer divided by it is the linear predictor.</summary>
    public required long Scale { get; init; }

    /// <summary>Proof that the query's audit entry was durable before the answer was released.</summary>
    public AuditReceipt? Receipt { get; init; }
}

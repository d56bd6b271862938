using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Client.Models;

/// <summary>A registered model as the gateway reports it (<c>POST/GET /v1/models</c>).</summary>
public sealed record ModelView
{
    /// <summary>The model id within the institution.</summary>
    public required string Id { get; init; }

    /// <summary>The fixed-point scale.</summary>
    public required long Scale { get; init; }

    /// <summary>The features, in weight order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The public key the weights are encrypted under.</summary>
    public ModelPublicKey? PublicKey { get; init; }

    /// <summary>The encrypted weights, when the gateway returns them.</summary>
    public IReadOnlyList<string>? Weights { get; init; }

    /// <summary>The encrypted bias, when the gateway returns it.</summary>
    public string? Bias { get; init; }

    /// <summary>
    /// SHA-256 over the canonical encoding of key, scale, features and ciphertexts: what the audit log
    /// records, so any later change to the model is visible (RELIABILITY.md P6).
    /// </summary>
    public string? Commitment { get; init; }

    /// <summary>When the model was registered.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The audit receipt of the registration or deletion (not on reads).</summary>
    public AuditReceipt? Receipt { get; init; }

    /// <summary>Members this client version does not know, kept so <c>--json</c> shows the whole answer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

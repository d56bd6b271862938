namespace DataGateway.Core.Contracts;

/// <summary>
/// What an attestation signs: the answer's content plus the institution it was issued to, so
/// that a third party can check who asked, about whom, and under which policy. The gateway
/// signs it; the client SDK verifies it against the response.
/// </summary>
public sealed record AttestationPayload
{
    /// <summary>JWS <c>typ</c> of an attestation.</summary>
    public const string JwsType = "dg-attestation+jwt";

    /// <summary>The <c>iss</c> of every attestation.</summary>
    public const string GatewayIssuer = "datagateway";

    /// <summary>Always <see cref="GatewayIssuer"/>.</summary>
    public required string Iss { get; init; }

    /// <summary>The verification id.</summary>
    public required string Id { get; init; }

    /// <summary>The institution that asked.</summary>
    public required string Institution { get; init; }

    /// <summary>The enterprise asked about.</summary>
    public required string Subject { get; init; }

    /// <summary>The purpose given.</summary>
    public required string Purpose { get; init; }

    /// <summary>When the gateway issued the answer.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The date the node's data is current to.</summary>
    public required string AsOf { get; init; }

    /// <summary>The answers, as in the response.</summary>
    public required IReadOnlyList<CheckResult> Results { get; init; }

    /// <summary>The consent that allowed the query, if any.</summary>
    public string? Consent { get; init; }

    /// <summary>The policy version that admitted the query.</summary>
    public required string PolicyVersion { get; init; }
}

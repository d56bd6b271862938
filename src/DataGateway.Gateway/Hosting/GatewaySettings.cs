using System.Security.Cryptography.X509Certificates;
using DataGateway.Cryptography.Signing;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Gateway.Hosting;

/// <summary>Everything a gateway process needs to start; the <c>dg serve</c> command and tests build it.</summary>
public sealed class GatewaySettings
{
    /// <summary>Listen addresses, e.g. <c>https://127.0.0.1:8443</c> or <c>http://127.0.0.1:0</c>.</summary>
    public required string Urls { get; init; }

    /// <summary>The directory of policy YAML files.</summary>
    public required string PoliciesDirectory { get; init; }

    /// <summary>Where the audit log's SQLite file lives.</summary>
    public required string AuditDatabasePath { get; init; }

    /// <summary>Rolling JSON log directory; null logs to the console only.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Token issuer's public key (ES256).</summary>
    public required SecurityKey TokenValidationKey { get; init; }

    /// <summary>Accepted token issuer.</summary>
    public string TokenIssuer { get; init; } = Authentication.TokenSettings.DevelopmentIssuer;

    /// <summary>Accepted token audience.</summary>
    public string TokenAudience { get; init; } = Authentication.TokenSettings.DefaultAudience;

    /// <summary>Signs attestations and receipts; its public half is served in the JWKS.</summary>
    public required EcSigningKey AttestationKey { get; init; }

    /// <summary>Ed25519 seed (32 bytes) of the key that signs the audit log's checkpoints; its public half is in the JWKS.</summary>
    public required byte[] CheckpointSeed { get; init; }

    /// <summary>Master secret of node tickets.</summary>
    public required byte[] TicketSecret { get; init; }

    /// <summary>Platform key for HMACs of personal values.</summary>
    public required byte[] PlatformHmacKey { get; init; }

    /// <summary>Server certificate for HTTPS listen addresses.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Mutual TLS for institutions on HTTPS listen addresses; null asks no client for a certificate.</summary>
    public Authentication.ClientCertificateSettings? ClientCertificates { get; init; }

    /// <summary>Deadline for one data-node call, its whole response included; the query is refused 504 node_timeout after it.</summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Data nodes; ignored when configuration has a <c>ReverseProxy</c> section.</summary>
    public IReadOnlyList<NodeEndpoint> Nodes { get; init; } = [];

    /// <summary>Clock; tests inject a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether policy files are watched and reloaded on change.</summary>
    public bool WatchPolicies { get; init; } = true;

    /// <summary>Host environment name (Development, Production).</summary>
    public string EnvironmentName { get; init; } = "Development";
}

/// <summary>A data node: its id (ticket audience), address and the divisions it holds.</summary>
/// <param name="Id">Node id; must equal the node's own configured id.</param>
/// <param name="Address">Base address, e.g. <c>http://127.0.0.1:8444</c>.</param>
/// <param name="Regions">Comma-separated division prefixes, or <c>*</c>.</param>
public sealed record NodeEndpoint(string Id, string Address, string Regions = "*");

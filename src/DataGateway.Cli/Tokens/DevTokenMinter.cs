using System.Security.Cryptography;
using DataGateway.Core.Identifiers;
using DataGateway.Cryptography.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Cli.Tokens;

/// <summary>
/// Mints development bearer tokens shaped exactly as the gateway validates them (API.md
/// "Authentication"): ES256, the development issuer, audience <c>datagateway</c>, <c>typ</c>
/// at+jwt (RFC 9068 §2.1). Used by <c>dg token</c>, the integration tests and the bench.
/// </summary>
internal static class DevTokenMinter
{
    /// <summary>The issuer of development tokens.</summary>
    public const string Issuer = "https://datagateway.dev/dev-issuer";

    /// <summary>The audience every token names.</summary>
    public const string Audience = "datagateway";

    /// <summary>RFC 9068 access-token type.</summary>
    public const string TokenType = "at+jwt";

    /// <summary>The roles API.md defines.</summary>
    public static readonly IReadOnlyList<string> Roles = ["institution", "owner", "auditor", "admin"];

    /// <summary>Longest lifetime a development token may have.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Checks a role and its claims: institution needs an institution id, owner a valid USCC.
    /// Returns null when valid, else a message fit for a user (it names no secret).
    /// </summary>
    public static string? Validate(string role, string? institution, string? uscc, TimeSpan lifetime)
    {
        if (!Roles.Contains(role, StringComparer.Ordinal))
        {
            return $"--role must be one of {string.Join(", ", Roles)}.";
        }

        if (role == "institution" && string.IsNullOrWhiteSpace(institution))
        {
            return "--role institution needs --inst (e.g. bank-001).";
        }

        if (role == "owner" && !Uscc.TryParse(uscc, out _, out var error))
        {
            return uscc is null ? "--role owner needs --uscc." : $"--uscc is not a valid unified social credit code ({error}).";
        }

        return lifetime <= TimeSpan.Zero || lifetime > MaximumLifetime
            ? $"--ttl must be positive and at most {MaximumLifetime.TotalDays:0} days."
            : null;
    }

    /// <summary>Mints a signed token.</summary>
    /// <param name="key">The development token signing key (certs-dev/token-signing.key.pem).</param>
    /// <param name="role">One of <see cref="Roles"/>.</param>
    /// <param name="institution">The <c>inst</c> claim; required for role institution.</param>
    /// <param name="uscc">The <c>uscc</c> claim; required (and valid) for role owner.</param>
    /// <param name="lifetime">Time to expiry.</param>
    /// <param name="time">The clock that sets iat/nbf/exp.</param>
    /// <param name="subject">The <c>sub</c> claim; defaults to one derived from the role and ids.</param>
    /// <param name="certificateThumbprint">The client certificate's <c>x5t#S256</c>: binds the token to it (RFC 8705 <c>cnf</c>).</param>
    /// <exception cref="ArgumentException">The role and claims do not fit together.</exception>
    public static string Mint(
        EcSigningKey key, string role, string? institution, string? uscc, TimeSpan lifetime, TimeProvider time, string? subject = null, string? certificateThumbprint = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(time);
        if (Validate(role, institution, uscc, lifetime) is { } problem)
        {
            throw new ArgumentException(problem, nameof(role));
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject ?? DefaultSubject(role, institution, uscc),
            ["role"] = role,
        };
        if (!string.IsNullOrWhiteSpace(institution))
        {
            claims["inst"] = institution;
        }

        if (!string.IsNullOrWhiteSpace(uscc))
        {
            claims["uscc"] = uscc;
        }

        if (!string.IsNullOrWhiteSpace(certificateThumbprint))
        {
            // RFC 8705 §3.1: the token is good only on a TLS connection that holds this certificate.
            claims["cnf"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["x5t#S256"] = certificateThumbprint };
        }

        var now = time.GetUtcNow().UtcDateTime;
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.ExportPrivateKeyPem());
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            TokenType = TokenType,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            // The kid is the RFC 7638 thumbprint, the same id the gateway's JWKS uses for its keys.
            // IdentityModel caches signature providers by kid; this key's ECDsa is disposed after the call, so no caching.
            SigningCredentials = new SigningCredentials(
                new ECDsaSecurityKey(ecdsa) { KeyId = key.KeyId, CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
                SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string DefaultSubject(string role, string? institution, string? uscc) => role switch
    {
        "institution" => "dev-" + institution,
        "owner" => "dev-owner-" + uscc,
        _ => "dev-" + role,
    };
}

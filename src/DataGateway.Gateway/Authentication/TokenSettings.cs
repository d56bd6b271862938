using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Gateway.Authentication;

/// <summary>How bearer tokens are validated.</summary>
/// <param name="Issuer">The only accepted <c>iss</c>.</param>
/// <param name="Audience">The only accepted <c>aud</c>.</param>
/// <param name="SigningKey">The issuer's public key (ES256).</param>
/// <param name="ClockSkew">Tolerance on <c>exp</c>/<c>nbf</c>; RELIABILITY.md G1 asks for 30 s, and more than 60 s is refused at start.</param>
public sealed record TokenSettings(string Issuer, string Audience, SecurityKey SigningKey, TimeSpan ClockSkew)
{
    /// <summary>The one algorithm accepted.</summary>
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>The one <c>typ</c> accepted (RFC 9068 access tokens).</summary>
    public const string TokenType = "at+jwt";

    /// <summary>Default issuer of development tokens.</summary>
    public const string DevelopmentIssuer = "https://datagateway.dev/dev-issuer";

    /// <summary>Default audience.</summary>
    public const string DefaultAudience = "datagateway";
}

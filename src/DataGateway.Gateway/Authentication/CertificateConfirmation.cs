using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DataGateway.Cryptography.Keys;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// A token's confirmation claim (RFC 8705 §3.1): <c>"cnf": {"x5t#S256": base64url SHA-256 of the certificate's DER}</c>.
/// A <c>cnf</c> the gateway cannot read binds the token to no certificate at all, so it can never be used (fail closed).
/// </summary>
internal sealed class CertificateConfirmation
{
    public const string Claim = "cnf";
    public const string ThumbprintMember = "x5t#S256";

    private readonly string? _thumbprint;

    private CertificateConfirmation(string? thumbprint) => _thumbprint = thumbprint;

    /// <summary>The token's confirmation, or null when it carries no <c>cnf</c> claim.</summary>
    public static CertificateConfirmation? Of(ClaimsPrincipal user)
    {
        if (user.FindFirst(Claim) is not { } claim)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(claim.Value);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty(ThumbprintMember, out var thumbprint) && thumbprint.ValueKind == JsonValueKind.String
                ? new CertificateConfirmation(thumbprint.GetString())
                : new CertificateConfirmation(null);
        }
        catch (JsonException)
        {
            return new CertificateConfirmation(null);
        }
    }

    public bool Matches(X509Certificate2 certificate) =>
        _thumbprint is not null &&
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(_thumbprint), System.Text.Encoding.ASCII.GetBytes(CertificateChains.Sha256Thumbprint(certificate)));
}

using System.Security.Cryptography;
using DataGateway.Cryptography.Signing;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Gateway.Authentication;

/// <summary>Builds the token validation key from the issuer's public key.</summary>
public static class TokenValidationKeys
{
    /// <summary>An ES256 validation key from a SubjectPublicKeyInfo PEM.</summary>
    public static SecurityKey FromPublicPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        if (ecdsa.KeySize != 256)
        {
            throw new CryptographicException("The token signing key must be a P-256 key (ES256).");
        }

        // The kid is the key's RFC 7638 thumbprint, which is what token issuers put in the header.
        using var verification = EcVerificationKey.FromPublicPem(pem);
        return new ECDsaSecurityKey(ecdsa) { KeyId = verification.KeyId };
    }
}

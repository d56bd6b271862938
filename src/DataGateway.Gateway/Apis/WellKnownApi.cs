using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>/.well-known/jwks.json</c>: the keys that verify attestations, receipts (ES256) and audit checkpoints (Ed25519).</summary>
internal static class WellKnownApi
{
    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder routes, EcSigningKey attestationKey, NoteVerificationKey checkpointKey)
    {
        var jwks = new JsonWebKeySet([attestationKey.PublicJwk, checkpointKey.ToJsonWebKey()]).ToJson();
        routes.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/jwk-set+json"))
            .AllowAnonymous()
            .WithName("Jwks");
        return routes;
    }
}

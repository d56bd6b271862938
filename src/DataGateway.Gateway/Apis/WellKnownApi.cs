using DataGateway.Cryptography.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>/.well-known/jwks.json</c>: the keys that verify attestations and receipts.</summary>
internal static class WellKnownApi
{
    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder routes, EcSigningKey attestationKey)
    {
        var jwks = new JsonWebKeySet([attestationKey.PublicJwk]).ToJson();
        routes.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/jwk-set+json"))
            .AllowAnonymous()
            .WithName("Jwks");
        return routes;
    }
}

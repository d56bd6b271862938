using DataGateway.Core.Contracts;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>POST /v1/verifications</c> (role institution).</summary>
internal static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/verifications", (HttpContext context, VerificationPipeline pipeline) => pipeline.HandleAsync(context))
            .RequireAuthorization(Roles.Institution)
            .Accepts<VerificationRequest>("application/json")
            .Produces<VerificationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("Verify")
            .WithSummary("Signed yes/no answers to catalog predicates about one enterprise.");
        return routes;
    }
}

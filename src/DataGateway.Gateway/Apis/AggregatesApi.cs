using DataGateway.Core.Contracts;
using DataGateway.Gateway.Aggregates;
using DataGateway.Gateway.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>POST /v1/aggregates</c> (role institution).</summary>
internal static class AggregatesApi
{
    public static IEndpointRouteBuilder MapAggregatesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/aggregates", (HttpContext context, AggregatePipeline pipeline) => pipeline.HandleAsync(context))
            .RequireAuthorization(Roles.Institution)
            .Accepts<AggregateRequest>("application/json")
            .Produces<AggregateResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("Aggregate")
            .WithSummary("Noisy, thresholded counts, sums and means by public dimensions, paid from the privacy budget.");
        return routes;
    }
}

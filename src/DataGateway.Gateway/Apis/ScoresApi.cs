using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>POST /v1/scores</c> and <c>POST /v1/scores/batch</c> (role institution).</summary>
internal static class ScoresApi
{
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/scores", (HttpContext context, ScorePipeline pipeline) => pipeline.HandleAsync(context))
            .RequireAuthorization(Roles.Institution)
            .Accepts<ScoreRequest>("application/json")
            .Produces<ScoreResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("Score")
            .WithSummary("An encrypted score of one enterprise with a registered model; only the bank can decrypt it.");
        routes.MapPost("/v1/scores/batch", (HttpContext context, BatchScorePipeline pipeline) => pipeline.HandleAsync(context))
            .RequireAuthorization(Roles.Institution)
            .Accepts<BatchScoreRequest>("application/json")
            .Produces<BatchScoreResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("ScoreBatch")
            .WithSummary("Encrypted scores of many enterprises: one score or one problem per subject, in order.");
        return routes;
    }
}

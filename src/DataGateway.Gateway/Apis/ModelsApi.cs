using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary><c>/v1/models</c> (role institution): register, list, read and delete the institution's own models.</summary>
internal static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/models").RequireAuthorization(Roles.Institution);
        group.MapPost("/", (HttpContext context, ModelService models) => models.RegisterAsync(context))
            .Accepts<ModelRegistrationRequest>("application/json")
            .Produces<ModelView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("RegisterModel")
            .WithSummary("Registers an immutable model: features in the clear, weights and bias encrypted under the bank's Paillier key.");
        group.MapGet("/", (HttpContext context, ModelService models) => models.ListAsync(context))
            .Produces<ModelList>()
            .WithName("ListModels")
            .WithSummary("The institution's active models.");
        group.MapGet("/{id}", (HttpContext context, string id, ModelService models) => models.GetAsync(context, id))
            .Produces<ModelView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetModel")
            .WithSummary("One of the institution's active models.");
        group.MapDelete("/{id}", (HttpContext context, string id, ModelService models) => models.DeleteAsync(context, id))
            .Produces<ModelView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteModel")
            .WithSummary("Marks a model deleted; its id is never reusable.");
        return routes;
    }
}

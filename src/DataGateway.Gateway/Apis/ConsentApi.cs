using System.Diagnostics;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Consent;
using DataGateway.Gateway.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// <c>/v1/consents</c> (API.md "Consent"): owners grant, list, read and revoke their enterprise's
/// consents; institutions list and read the grants made to them. Roles are checked per operation
/// in <see cref="ConsentService"/> so that another enterprise's grant answers 404, not 403.
/// </summary>
internal static class ConsentApi
{
    /// <summary>Audit kinds of refused reads; grants and revocations use <see cref="ConsentService"/>'s kinds.</summary>
    public const string ListKind = "consent.list";
    public const string ReadKind = "consent.read";

    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapConsentApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/consents", (HttpContext context, ConsentService consents) => RunAsync(context, ConsentService.GrantKind, StatusCodes.Status201Created, async () =>
            {
                var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
                return await consents.GrantAsync(context, Parse(body));
            }, GatewayJson.Default.ConsentView))
            .Accepts<ConsentRequest>("application/json")
            .Produces<ConsentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GrantConsent")
            .WithSummary("An owner grants an institution consent; answers the grant with a signed receipt.");

        routes.MapGet("/v1/consents", (HttpContext context, ConsentService consents, string? status) =>
                RunAsync(context, ListKind, StatusCodes.Status200OK, () => consents.ListAsync(context.User, status), GatewayJson.Default.ConsentList))
            .Produces<ConsentList>()
            .WithName("ListConsents")
            .WithSummary("The owner's grants, or the grants made to the calling institution.");

        routes.MapGet("/v1/consents/{id}", (HttpContext context, ConsentService consents, string id) =>
                RunAsync(context, ReadKind, StatusCodes.Status200OK, () => consents.GetAsync(context.User, id), GatewayJson.Default.ConsentView))
            .Produces<ConsentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConsent")
            .WithSummary("One grant the caller may see.");

        routes.MapDelete("/v1/consents/{id}", (HttpContext context, ConsentService consents, string id, string? reason) =>
                RunAsync(context, ConsentService.RevokeKind, StatusCodes.Status200OK, () => consents.RevokeAsync(context, id, reason), GatewayJson.Default.ConsentView))
            .Produces<ConsentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeConsent")
            .WithSummary("The owner revokes a grant for every query that starts after the answer.");
        return routes;
    }

    /// <summary>
    /// Runs an owner-facing operation and answers its result; a refusal is audited under <paramref name="auditKind"/>
    /// before its problem is written (invariant 2: denied requests are logged too; RELIABILITY.md G3).
    /// </summary>
    internal static async Task RunAsync<T>(
        HttpContext context, string auditKind, int status, Func<Task<T>> operation, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var started = Stopwatch.GetTimestamp();
        T result;
        try
        {
            result = await operation();
        }
        catch (AdmissionException refusal)
        {
            await AuditedRefusal.WriteAsync(context, auditKind, refusal, started);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, result, type, context.RequestAborted);
    }

    private static ConsentRequest Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, GatewayJson.Default.ConsentRequest)
                ?? throw new AdmissionException(ProblemCodes.InvalidJson);
        }
        catch (JsonException)
        {
            throw new AdmissionException(ProblemCodes.InvalidJson, "The body is malformed, has a duplicate or unknown member, or a member of the wrong type.");
        }
    }
}

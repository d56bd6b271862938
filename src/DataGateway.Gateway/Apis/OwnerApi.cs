using System.Globalization;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Consent;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// <c>GET /v1/owners/me/access-log</c> (role owner): every audited event about the owner's
/// enterprise (who, when, purpose, kind, decision, reason, consent), never result values,
/// which the audit log does not hold anyway (ARCHITECTURE.md "Audit log").
/// </summary>
internal static class OwnerApi
{
    /// <summary>Audit kind of a refused access-log read.</summary>
    public const string AccessLogReadKind = "access-log.read";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapOwnerApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/owners/me/access-log", (HttpContext context, IAuditLog audit, string? cursor, int? limit) =>
                ConsentApi.RunAsync(context, AccessLogReadKind, StatusCodes.Status200OK, () => PageAsync(context, audit, cursor, limit), GatewayJson.Default.AccessLogPage))
            .RequireAuthorization(Roles.Owner)
            .Produces<AccessLogPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("AccessLog")
            .WithSummary("Every audited event about the owner's enterprise, oldest first, paged by cursor.");
        return routes;
    }

    private static async Task<AccessLogPage> PageAsync(HttpContext context, IAuditLog audit, string? cursor, int? limit)
    {
        var owner = ConsentService.OwnerUscc(context.User) ?? throw new AdmissionException(ProblemCodes.RoleNotAllowed);
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, $"limit is between 1 and {MaxPageSize}.");
        }

        // The cursor is the index of the last event returned; events are never removed, so it stays valid.
        var after = -1L;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "cursor is not one this endpoint returned.");
        }

        var items = new List<AccessLogEvent>(size);
        await foreach (var stored in audit.ReadBySubjectAsync(owner, after, size + 1, context.RequestAborted))
        {
            items.Add(ToEvent(stored));
        }

        var more = items.Count > size;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new AccessLogPage
        {
            Items = items,
            NextCursor = more ? items[^1].Index.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private static AccessLogEvent ToEvent(StoredAuditEntry stored) => new()
    {
        Index = stored.Index,
        At = stored.Timestamp,
        Institution = stored.Entry.Institution,
        Role = stored.Entry.Role,
        Kind = stored.Entry.Kind,
        Purpose = stored.Entry.Purpose,
        Decision = stored.Entry.Decision,
        Reason = stored.Entry.Reason,
        ConsentId = stored.Entry.ConsentId,
        Predicates = stored.Entry.Predicates,
    };
}

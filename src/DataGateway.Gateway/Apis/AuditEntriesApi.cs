using System.Buffers;
using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Authentication;
using DataGateway.Hosting.Problems;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// <c>GET /v1/audit/entries</c> (role auditor): filtered, cursor-paged entries in index order, each in the same
/// shape as an export line (docs/audit-export.md) so what an auditor browses is what it can verify.
/// </summary>
internal static class AuditEntriesApi
{
    public static IEndpointRouteBuilder MapAuditEntriesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/audit/entries", ListAsync)
            .RequireAuthorization(Roles.Auditor)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("AuditEntries")
            .WithSummary("Audit entries filtered by time or index range, institution, subject, kind and decision; paged by an opaque cursor.");
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAuditLog log)
    {
        if (!AuditRequestParameters.TryParseEntries(context.Request.Query, out var filter, out var error))
        {
            return new Problem(ProblemCodes.InvalidRequest, error);
        }

        try
        {
            return Results.Bytes(await PageAsync(log, filter!, context.RequestAborted), "application/json");
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            // A stored row no longer has its columns' shape: the log was edited behind the gateway's back.
            return new Problem(ProblemCodes.AuditCorrupt);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> PageAsync(IAuditLog log, AuditEntryFilter filter, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entries");
            var count = 0;
            var last = -1L;
            await foreach (var row in log.ReadFilteredAsync(filter, ct))
            {
                AuditExportFormat.WriteEntry(writer, row);
                count++;
                last = row.Index;
            }

            writer.WriteEndArray();
            // A full page may be followed by more; an empty last page is possible and harmless.
            writer.WriteString("nextCursor", count == filter.Limit ? AuditCursor.Encode(last) : null);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Problems;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// <c>GET /v1/audit/export?from=&amp;to=</c> (role auditor): the entries <c>[from, to)</c> as NDJSON, then the
/// signed checkpoint that covers them and the proof tying the range to it (docs/audit-export.md), for
/// <c>dg audit verify</c> to check offline.
/// </summary>
/// <remarks>
/// <code>
/// 1 checkpoint := CheckpointPublisher.CurrentAsync()      (signs a new head if the log grew)
/// 2 to := min(to ?? size, size)                          (only entries a signature covers are exported)
/// 3 proof := left subtrees of [0, from) + consistency(to → size), read from the stored tree
/// 4 header line, then chunk by chunk: read rows and the tree's leaves (short snapshots), write lines, flush
/// 5 checkpoint line
/// </code>
/// The proof is read before streaming, so a slow download never holds a read snapshot (RELIABILITY.md C6).
/// </remarks>
internal static class AuditExportApi
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapAuditExportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/audit/export", ExportAsync)
            .RequireAuthorization(Roles.Auditor)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("AuditExport")
            .WithSummary("NDJSON export of an index range of the audit log, closed by the signed checkpoint and the proofs that cover it.");
        return routes;
    }

    private static async Task ExportAsync(HttpContext context, IAuditLog log, CheckpointPublisher checkpoints)
    {
        if (!AuditRequestParameters.TryParseExport(context.Request.Query, out var from, out var requestedTo, out var error))
        {
            await Problem.WriteAsync(context, ProblemCodes.InvalidRequest, error);
            return;
        }

        // :: Step 1
        Storage.Checkpoints.StoredCheckpoint checkpoint;
        try
        {
            checkpoint = await checkpoints.CurrentAsync();
        }
        catch (AdmissionException refusal)
        {
            await Problem.WriteAsync(context, refusal.Code, refusal.Detail);
            return;
        }

        // :: Step 2
        var to = Math.Min(requestedTo ?? checkpoint.TreeSize, checkpoint.TreeSize);
        if (from > to)
        {
            await Problem.WriteAsync(context, ProblemCodes.InvalidRequest, "from must not exceed to (or the checkpoint's tree size).");
            return;
        }

        // :: Step 3
        var proof = log.ReadTree(tree => AuditRangeProof.Read(tree, from, to, checkpoint.TreeSize));

        // :: Step 4
        var ct = context.RequestAborted;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = AuditExportFormat.MediaType;
        var body = context.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(body);
        WriteLine(json, body, w => AuditExportFormat.WriteHeader(w, proof));
        await foreach (var chunk in log.ReadRangeInChunksAsync(from, to, ct: ct))
        {
            var leaves = log.ReadTreeLeaves(chunk);
            for (var i = 0; i < chunk.Count; i++)
            {
                var (row, leaf) = (chunk[i], leaves[i]);
                WriteLine(json, body, w =>
                {
                    if (row.Stored is { } stored)
                    {
                        AuditExportFormat.WriteEntry(w, stored, leaf);
                    }
                    else
                    {
                        AuditExportFormat.WriteUnreadable(w, row.Index);
                    }
                });
            }

            await body.FlushAsync(ct);
        }

        // :: Step 5
        WriteLine(json, body, w => AuditExportFormat.WriteCheckpoint(w, proof, checkpoint.Note));
        await body.FlushAsync(ct);
    }

    private static void WriteLine(Utf8JsonWriter json, PipeWriter body, Action<Utf8JsonWriter> write)
    {
        write(json);
        json.Flush();
        body.Write(NewLine);
        // One JSON value per line: reset so the writer accepts the next top-level value.
        json.Reset(body);
    }
}

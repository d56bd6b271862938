using System.Buffers.Text;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Authentication;
using DataGateway.Hosting.Problems;
using DataGateway.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataGateway.Gateway.Apis;

/// <summary>
/// The auditor's view of the log's RFC 9162 Merkle tree: the current tree head, inclusion and
/// consistency proofs (API.md "Audit"). Hashes are base64url without padding.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/v1/audit").RequireAuthorization(Roles.Auditor);
        audit.MapGet("/tree-head", (IAuditLog log, TimeProvider time) => log.ReadTree(tree => Results.Json(new
        {
            treeSize = tree.Size,
            rootHash = Base64Url.EncodeToString(tree.Root(tree.Size)),
            timestamp = time.GetUtcNow(),
        })))
            .WithName("AuditTreeHead")
            .WithSummary("Size and root hash of the audit log's Merkle tree now.");

        audit.MapGet("/proofs/inclusion", (IAuditLog log, long? index, long? treeSize) =>
            index is not { } i || treeSize is not { } n || i < 0 || n <= 0 || i >= n
                ? new Problem(ProblemCodes.InvalidRequest, "index and treeSize are required, with 0 <= index < treeSize.")
                : log.ReadTree(tree => n > tree.Size
                    ? (IResult)new Problem(ProblemCodes.InvalidRequest, "treeSize is larger than the log.")
                    : Results.Json(Proof(tree.Inclusion(i, n)))))
            .WithName("AuditInclusionProof")
            .WithSummary("RFC 9162 inclusion proof of one entry in a tree of the given size.");

        audit.MapGet("/proofs/consistency", (IAuditLog log, long? first, long? second) =>
            first is not { } a || second is not { } b || a < 0 || a > b
                ? new Problem(ProblemCodes.InvalidRequest, "first and second are required, with 0 <= first <= second.")
                : log.ReadTree(tree => b > tree.Size
                    ? (IResult)new Problem(ProblemCodes.InvalidRequest, "second is larger than the log.")
                    : Results.Json(new { path = tree.Consistency(a, b).Path.Select(h => Base64Url.EncodeToString(h)) })))
            .WithName("AuditConsistencyProof")
            .WithSummary("RFC 9162 consistency proof between two tree sizes.");
        return routes;
    }

    private static object Proof(Storage.Merkle.MerkleInclusionProof proof) => new
    {
        leafHash = Base64Url.EncodeToString(proof.LeafHash),
        path = proof.Path.Select(h => Base64Url.EncodeToString(h)),
    };
}

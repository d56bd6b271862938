using System.Buffers.Text;
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
/// The auditor's view of the log's RFC 9162 Merkle tree: the current tree head, inclusion and
/// consistency proofs (API.md "Audit"). Hashes are base64url without padding.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/v1/audit").RequireAuthorization(Roles.Auditor);
        audit.MapGet("/tree-head", async (CheckpointPublisher checkpoints) =>
        {
            try
            {
                var checkpoint = await checkpoints.CurrentAsync();
                return Results.Json(new
                {
                    treeSize = checkpoint.TreeSize,
                    rootHash = Base64Url.EncodeToString(checkpoint.RootHash),
                    timestamp = checkpoint.SignedAt,
                    checkpoint = checkpoint.Note,
                });
            }
            catch (AdmissionException refusal)
            {
                return new Problem(refusal.Code);
            }
        })
            .WithName("AuditTreeHead")
            .WithSummary("The latest signed tree head: size, root and a C2SP checkpoint signed with the Ed25519 key in the JWKS.");

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

namespace DataGateway.Storage.Merkle;

/// <summary>An RFC 9162 consistency proof as served by <c>GET /v1/audit/proofs/consistency</c>.</summary>
/// <param name="First">The older tree size.</param>
/// <param name="Second">The newer tree size.</param>
/// <param name="Path">The consistency path.</param>
public sealed record MerkleConsistencyProof(long First, long Second, byte[][] Path);

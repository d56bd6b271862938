namespace DataGateway.Storage.Merkle;

/// <summary>An RFC 9162 inclusion proof as served by <c>GET /v1/audit/proofs/inclusion</c>.</summary>
/// <param name="Index">The leaf index.</param>
/// <param name="TreeSize">The tree size the proof is for.</param>
/// <param name="LeafHash">The stored leaf hash.</param>
/// <param name="Path">The audit path, leaf upwards.</param>
public sealed record MerkleInclusionProof(long Index, long TreeSize, byte[] LeafHash, byte[][] Path);

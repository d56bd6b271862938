namespace DataGateway.Cryptography.Merkle;

/// <summary>Why a Merkle proof was refused; <see cref="None"/> means it verified.</summary>
public enum MerkleProofError
{
    /// <summary>The proof verified.</summary>
    None = 0,

    /// <summary>A size or index is negative, or the index is not below the tree size, or the sizes are out of order.</summary>
    OutOfRange,

    /// <summary>A hash or proof element is not 32 bytes, or the proof is longer than any tree could need.</summary>
    MalformedInput,

    /// <summary>The proof has the wrong number of elements for the sizes and index.</summary>
    WrongLength,

    /// <summary>The recomputed root differs from the expected root.</summary>
    RootMismatch,
}

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>Why a signed checkpoint was refused; <see cref="None"/> means it verified.</summary>
public enum CheckpointError
{
    /// <summary>The checkpoint verified.</summary>
    None = 0,

    /// <summary>Not a signed note: bad framing, control characters, invalid UTF-8, bad signature line.</summary>
    Malformed,

    /// <summary>Longer than any checkpoint, or too many signature lines.</summary>
    TooLarge,

    /// <summary>No signature line from a trusted key (name and key id both matching).</summary>
    UnknownKey,

    /// <summary>A signature from a trusted key does not verify over the exact note text.</summary>
    SignatureInvalid,

    /// <summary>The body's origin line is not the expected origin.</summary>
    OriginMismatch,

    /// <summary>The tree size line is not a canonical non-negative decimal.</summary>
    InvalidTreeSize,

    /// <summary>The root hash line is not canonical base64 of 32 bytes.</summary>
    InvalidRootHash,

    /// <summary>The body has extension lines this log does not write (only one <c>timestamp</c> line is allowed).</summary>
    UnsupportedExtension,
}

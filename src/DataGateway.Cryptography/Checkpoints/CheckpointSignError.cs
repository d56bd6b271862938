namespace DataGateway.Cryptography.Checkpoints;

/// <summary>Why the signer refused; <see cref="None"/> means it signed.</summary>
public enum CheckpointSignError
{
    /// <summary>Signed.</summary>
    None = 0,

    /// <summary>The size is smaller than the last signed size: signing it would hide a truncation.</summary>
    SizeRegressed,

    /// <summary>Same size as the last signed head but another root: a fork. Raise the alarm.</summary>
    Equivocation,
}

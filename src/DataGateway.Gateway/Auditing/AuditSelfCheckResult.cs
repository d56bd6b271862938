namespace DataGateway.Gateway.Auditing;

/// <summary>What <see cref="AuditSelfCheck.Run"/> found.</summary>
/// <param name="Ok">True when the tail agrees with the last signed checkpoint.</param>
/// <param name="Reason">A stable reason code when not <paramref name="Ok"/> (never record content).</param>
/// <param name="Index">The first bad entry index (or the checkpoint's size for checkpoint-level failures).</param>
/// <param name="Checked">How many entries were re-hashed.</param>
internal sealed record AuditSelfCheckResult(bool Ok, string? Reason, long Index, long Checked)
{
    /// <summary>A failed check naming the reason and the first bad index.</summary>
    public static AuditSelfCheckResult Failed(string reason, long index, long @checked = 0) => new(false, reason, index, @checked);
}

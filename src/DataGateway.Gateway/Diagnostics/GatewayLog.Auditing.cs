using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Diagnostics;

/// <summary>Log messages of the audit checkpoints and the startup self-check (event ids 3101-3199).</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(3101, LogLevel.Warning, "Checkpoint signing failed ({Error}); retrying every tick")]
    public static partial void CheckpointFailed(ILogger logger, string error);

    [LoggerMessage(3104, LogLevel.Critical, "ALERT no checkpoint could be signed for longer than {Grace}; queries are refused (audit_anchor_stale)")]
    public static partial void CheckpointStale(ILogger logger, TimeSpan grace);

    [LoggerMessage(3105, LogLevel.Information, "Checkpoint signing recovered; the backlog is covered")]
    public static partial void CheckpointRecovered(ILogger logger);

    [LoggerMessage(3102, LogLevel.Critical, "ALERT audit self-check failed: {Reason} at entry {Index}; the gateway refuses to serve queries (audit_corrupt)")]
    public static partial void AuditSelfCheckFailed(ILogger logger, string reason, long index);

    [LoggerMessage(3103, LogLevel.Information, "Audit self-check passed: checkpoint {TreeSize}, {Checked} entries re-hashed in {Milliseconds} ms")]
    public static partial void AuditSelfCheckPassed(ILogger logger, long treeSize, long @checked, long milliseconds);
}

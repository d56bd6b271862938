using Microsoft.Extensions.Logging;

namespace DataGateway.Storage.Audit;

/// <summary>Log events of the audit log (event ids 3100-3199). Never logs entry contents.</summary>
internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Audit log opened with {Count} entries")]
    public static partial void Opened(ILogger logger, long count);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Audit batch of {BatchSize} entries failed to commit; callers fail closed")]
    public static partial void BatchFailed(ILogger logger, int batchSize, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Critical, Message = "Audit log failed its tail check on open")]
    public static partial void TailCorrupt(ILogger logger, Exception exception);
}

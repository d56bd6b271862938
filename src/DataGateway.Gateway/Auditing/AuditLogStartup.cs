using DataGateway.Gateway.Diagnostics;
using DataGateway.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Auditing;

/// <summary>Opens the audit log at start; a log that fails its open-time integrity check is refused, not fatal.</summary>
internal static class AuditLogStartup
{
    /// <summary>
    /// Opens the SQLite log. If its tail is corrupt (or its tree is longer than its chain: entries were cut), the
    /// gateway still starts but marks the log corrupt and serves no query (RELIABILITY.md A1), so operators get an
    /// alert and a 503 rather than a process that never comes up. Durability refusals still stop the start.
    /// </summary>
    public static IAuditLog OpenOrRefuse(string databasePath, TimeProvider time, AuditServingState state, ILoggerFactory loggers)
    {
        try
        {
            // Startup is synchronous in the container; opening blocks once, before the first request.
            return SqliteAuditLog.OpenAsync(databasePath, time, loggers.CreateLogger<SqliteAuditLog>()).GetAwaiter().GetResult();
        }
        catch (AuditCorruptException)
        {
            state.MarkCorrupt("tail_corrupt");
            GatewayLog.AuditSelfCheckFailed(loggers.CreateLogger(typeof(AuditLogStartup)), "tail_corrupt", -1);
            return new RefusingAuditLog();
        }
    }
}

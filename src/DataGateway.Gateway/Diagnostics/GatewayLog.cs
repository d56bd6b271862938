using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Diagnostics;

/// <summary>
/// Every gateway log message, with its event id in one place. Messages carry codes, ids and
/// versions only: never tokens, keys, or record and parameter values.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1001, LogLevel.Information, "Policy {Version} loaded")]
    public static partial void PolicyReloaded(ILogger logger, string version);

    [LoggerMessage(1002, LogLevel.Error, "Policy edit rejected; policy {Version} stays in force. Errors: {Errors}")]
    public static partial void PolicyReloadRejected(ILogger logger, string version, string errors);

    [LoggerMessage(2001, LogLevel.Critical, "ALERT egress violation from node {Node}: {Reason}; nothing was released")]
    public static partial void EgressViolation(ILogger logger, string node, string reason);

    [LoggerMessage(2002, LogLevel.Warning, "Node {Node} unavailable: {Error}")]
    public static partial void NodeUnavailable(ILogger logger, string node, string error);

    [LoggerMessage(2004, LogLevel.Warning, "Node {Node} did not answer within {Timeout}; nothing was released")]
    public static partial void NodeTimedOut(ILogger logger, string node, TimeSpan timeout);

    [LoggerMessage(2003, LogLevel.Information, "Client closed the request before node {Node} answered; nothing was released")]
    public static partial void ClientClosedRequest(ILogger logger, string node);

    [LoggerMessage(3001, LogLevel.Error, "Audit log unavailable; request refused")]
    public static partial void AuditUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(3002, LogLevel.Critical, "ALERT audit log no longer contains the checkpoint of size {TreeSize}, or the signer refused; no checkpoint signed")]
    public static partial void AuditRewritten(ILogger logger, long treeSize);

    [LoggerMessage(4001, LogLevel.Information, "Authentication failed: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(4003, LogLevel.Warning, "Principal {Principal} refused: {Code} (client certificate {Thumbprint})")]
    public static partial void ClientCertificateRefused(ILogger logger, string principal, string code, string thumbprint);

    [LoggerMessage(4002, LogLevel.Information, "{Kind} limit counters rebuilt from {Entries} audit entries")]
    public static partial void LimitsRebuilt(ILogger logger, string kind, long entries);
}

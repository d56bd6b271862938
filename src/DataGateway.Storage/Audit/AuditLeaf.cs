namespace DataGateway.Storage.Audit;

/// <summary>The content of one canonical leaf (see <see cref="AuditLeafEncoding"/>).</summary>
/// <param name="Index">The entry's position in the log.</param>
/// <param name="TimestampUnixMilliseconds">The entry's timestamp in Unix milliseconds.</param>
/// <param name="Entry">The entry's fields.</param>
public sealed record AuditLeaf(long Index, long TimestampUnixMilliseconds, AuditEntry Entry);

namespace DataGateway.Storage.Audit;

/// <summary>An audit entry as committed to the log, with its position and chain hashes.</summary>
/// <param name="Index">Zero-based position in the log (the <c>seq</c> column).</param>
/// <param name="Timestamp">Commit-time timestamp, millisecond precision, never earlier than the previous entry's.</param>
/// <param name="Entry">The entry after field capping, exactly as hashed.</param>
/// <param name="PreviousHash">The previous entry's hash; 32 zero bytes for index 0.</param>
/// <param name="EntryHash">This entry's chain hash (see <see cref="AuditLeafEncoding.ChainHash"/>).</param>
public sealed record StoredAuditEntry(long Index, DateTimeOffset Timestamp, AuditEntry Entry, byte[] PreviousHash, byte[] EntryHash);

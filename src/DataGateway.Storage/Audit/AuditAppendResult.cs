namespace DataGateway.Storage.Audit;

/// <summary>What an append returns once its entry is durable: the receipt data.</summary>
/// <param name="Index">Zero-based position of the entry in the log.</param>
/// <param name="EntryHash">The entry's chain hash.</param>
/// <param name="Timestamp">The timestamp recorded for the entry (millisecond precision).</param>
public sealed record AuditAppendResult(long Index, byte[] EntryHash, DateTimeOffset Timestamp);

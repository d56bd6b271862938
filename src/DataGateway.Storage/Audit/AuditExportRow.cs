namespace DataGateway.Storage.Audit;

/// <summary>One stored row of an exported range.</summary>
/// <param name="Index">The row's index (its <c>seq</c>).</param>
/// <param name="Stored">The entry, or null if the row cannot be read (a column no longer has its type or shape).</param>
public sealed record AuditExportRow(long Index, StoredAuditEntry? Stored);

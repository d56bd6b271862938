namespace DataGateway.Storage.Audit;

/// <summary>The outcome of a full chain verification.</summary>
/// <param name="Ok">True when every entry verified.</param>
/// <param name="EntryCount">Entries that verified before the first problem (all of them when <paramref name="Ok"/>).</param>
/// <param name="FirstBadIndex">The first index (position from 0) that failed, or null when OK or when the file could not be read.</param>
/// <param name="Problem">What failed first: <c>sequence_broken</c>, <c>prev_hash_mismatch</c>, <c>entry_hash_mismatch</c>,
/// <c>timestamp_decreasing</c>, <c>undecodable_row</c> or <c>database_unreadable</c>; null when OK.</param>
public sealed record AuditVerification(bool Ok, long EntryCount, long? FirstBadIndex, string? Problem);

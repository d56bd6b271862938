using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>
/// Recomputes the whole chain of an audit database: seq contiguity from 0, every prev-hash link and every entry
/// hash; names the first bad index exactly (RELIABILITY.md A1, A2).
/// </summary>
/// <remarks>
/// A chain alone cannot reveal a truncated tail or a full rewrite by the operator; that takes a checkpoint held
/// outside the log (RELIABILITY.md item 1), which the Merkle log adds.
/// </remarks>
public static class AuditChainVerifier
{
    /// <summary>Verifies every entry of the database at <paramref name="databasePath"/>, streaming rows.</summary>
    /// <param name="databasePath">Path of the SQLite file; opened read-only.</param>
    /// <returns>The outcome.</returns>
    public static AuditVerification Verify(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (!File.Exists(databasePath))
        {
            return new AuditVerification(false, 0, null, "database_unreadable");
        }

        try
        {
            using var connection = AuditConnections.OpenReader(databasePath, TimeSpan.FromSeconds(5));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {AuditSchema.SelectColumns} FROM audit_entries ORDER BY seq";
            using var reader = command.ExecuteReader();
            return VerifyRows(reader);
        }
        catch (SqliteException)
        {
            return new AuditVerification(false, 0, null, "database_unreadable");
        }
    }

    private static AuditVerification VerifyRows(SqliteDataReader reader)
    {
        var expectedPrevious = AuditLeafEncoding.GenesisHash.ToArray();
        var lastTimestamp = long.MinValue;
        long index = 0;
        while (reader.Read())
        {
            var problem = CheckRow(reader, index, expectedPrevious, lastTimestamp, out var row);
            if (problem is not null)
            {
                return new AuditVerification(false, index, index, problem);
            }

            expectedPrevious = row!.EntryHash;
            lastTimestamp = row.Timestamp.ToUnixTimeMilliseconds();
            index++;
        }

        return new AuditVerification(true, index, null, null);
    }

    private static string? CheckRow(
        SqliteDataReader reader, long index, byte[] expectedPrevious, long lastTimestamp, out StoredAuditEntry? row)
    {
        row = null;
        try
        {
            row = AuditSchema.ReadRow(reader);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or InvalidOperationException)
        {
            return "undecodable_row";
        }

        if (row.Index != index)
        {
            return "sequence_broken";
        }

        if (!row.PreviousHash.AsSpan().SequenceEqual(expectedPrevious))
        {
            return "prev_hash_mismatch";
        }

        var timestamp = row.Timestamp.ToUnixTimeMilliseconds();
        byte[] recomputed;
        try
        {
            recomputed = AuditLeafEncoding.EntryHash(row.PreviousHash, row.Index, timestamp, row.Entry);
        }
        catch (ArgumentException)
        {
            return "undecodable_row";
        }

        if (!recomputed.AsSpan().SequenceEqual(row.EntryHash))
        {
            return "entry_hash_mismatch";
        }

        return timestamp < lastTimestamp ? "timestamp_decreasing" : null;
    }
}

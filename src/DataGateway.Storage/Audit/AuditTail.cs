using Microsoft.Data.Sqlite;

namespace DataGateway.Storage.Audit;

/// <summary>Loads the chain head from disk with a cheap tail check (the last entry's hash and link).</summary>
internal static class AuditTail
{
    /// <exception cref="AuditCorruptException">The last entry's hash does not recompute or its link is broken.</exception>
    public static ChainHead Load(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {AuditSchema.SelectColumns} FROM audit_entries ORDER BY seq DESC LIMIT 2";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return ChainHead.Genesis;
        }

        var last = ReadOrCorrupt(reader);
        var previous = reader.Read() ? ReadOrCorrupt(reader) : null;
        var expectedPrevious = previous?.EntryHash ?? AuditLeafEncoding.GenesisHash.ToArray();
        var expectedIndex = previous is null ? 0 : previous.Index + 1;
        if (last.Index != expectedIndex || !last.PreviousHash.AsSpan().SequenceEqual(expectedPrevious))
        {
            throw new AuditCorruptException($"The audit log's last entry ({last.Index}) does not link to its predecessor.");
        }

        var recomputed = AuditLeafEncoding.EntryHash(
            last.PreviousHash, last.Index, last.Timestamp.ToUnixTimeMilliseconds(), last.Entry);
        if (!recomputed.AsSpan().SequenceEqual(last.EntryHash))
        {
            throw new AuditCorruptException($"The audit log's last entry ({last.Index}) fails its hash check.");
        }

        return new ChainHead(last.Index + 1, last.EntryHash, last.Timestamp.ToUnixTimeMilliseconds());
    }

    private static StoredAuditEntry ReadOrCorrupt(SqliteDataReader reader)
    {
        try
        {
            return AuditSchema.ReadRow(reader);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            throw new AuditCorruptException("The audit log's tail cannot be read.", ex);
        }
    }
}

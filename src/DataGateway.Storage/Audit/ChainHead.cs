namespace DataGateway.Storage.Audit;

/// <summary>The committed tail of the chain: what the next entry links to.</summary>
/// <param name="NextIndex">Index the next entry gets (= committed count).</param>
/// <param name="LastHash">Chain hash of the last committed entry, or the genesis hash.</param>
/// <param name="LastTimestampUnixMilliseconds">Timestamp of the last entry; later entries never go below it.</param>
internal readonly record struct ChainHead(long NextIndex, byte[] LastHash, long LastTimestampUnixMilliseconds)
{
    public static ChainHead Genesis => new(0, AuditLeafEncoding.GenesisHash.ToArray(), long.MinValue);
}

using BenchmarkDotNet.Attributes;
using DataGateway.Storage.Merkle;

namespace DataGateway.Bench.Merkle;

/// <summary>
/// Recomputing a root from all leaf hashes, as an offline verifier (<c>dg audit verify</c>) does over an export:
/// the in-memory frontier, no database.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MerkleRootBenchmarks
{
    private byte[][] _leafHashes = [];

    /// <summary>Leaves to fold.</summary>
    [Params(1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _leafHashes = [.. Enumerable.Range(0, Entries).Select(MerkleStoreFixture.LeafHash)];

    /// <summary>Appends every leaf hash to a fresh frontier and takes the root.</summary>
    [Benchmark]
    public byte[] RootFromAllLeaves()
    {
        var frontier = new MerkleFrontier();
        foreach (var leafHash in _leafHashes)
        {
            frontier.Append(leafHash);
        }

        return frontier.Root();
    }
}

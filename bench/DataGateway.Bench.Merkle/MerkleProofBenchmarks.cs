using BenchmarkDotNet.Attributes;
using DataGateway.Cryptography.Merkle;
using DataGateway.Storage.Merkle;
using Microsoft.Data.Sqlite;

namespace DataGateway.Bench.Merkle;

/// <summary>
/// Issue 4's figure "an inclusion proof served in under 1 ms at 1,000,000 entries", plus consistency proofs and
/// historical roots, all read from the stored complete-subtree hashes (no rebuild).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MerkleProofBenchmarks : IDisposable
{
    private const int Positions = 4096;

    private MerkleStoreFixture? _fixture;
    private SqliteConnection? _connection;
    private MerkleTreeReader? _reader;
    private long[] _positions = [];
    private int _next;
    private MerkleInclusionProof? _sampleProof;

    /// <summary>Entries in the log.</summary>
    [Params(1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new MerkleStoreFixture(Entries);
        _connection = _fixture.Open();
        _reader = new MerkleTreeReader(_connection);
        _positions = MerkleStoreFixture.RandomPositions(Positions, Entries);
        _sampleProof = _reader.Inclusion(_positions[0], Entries);
        if (MerkleVerifier.VerifyInclusion(_sampleProof.Index, Entries, _sampleProof.LeafHash, _sampleProof.Path, _fixture.Root) != MerkleProofError.None)
        {
            throw new InvalidOperationException("The benchmark tree serves a proof that does not verify.");
        }
    }

    /// <summary>One inclusion proof from an open reader.</summary>
    [Benchmark]
    public MerkleInclusionProof InclusionProof() => _reader!.Inclusion(Next(), Entries);

    /// <summary>What an endpoint does per request: open a read connection, read the size, build the proof.</summary>
    [Benchmark]
    public MerkleInclusionProof InclusionProofWithFreshConnection()
    {
        using var connection = _fixture!.Open();
        using var reader = new MerkleTreeReader(connection);
        return reader.Inclusion(Next(), reader.Size);
    }

    /// <summary>One consistency proof from a random older size to the full size.</summary>
    [Benchmark]
    public MerkleConsistencyProof ConsistencyProof() => _reader!.Consistency(Next() + 1, Entries);

    /// <summary>The root of a random historical size, folded from stored nodes.</summary>
    [Benchmark]
    public byte[] HistoricalRoot() => _reader!.Root(Next() + 1);

    /// <summary>Client side: verifying one inclusion proof.</summary>
    [Benchmark]
    public MerkleProofError VerifyInclusion() =>
        MerkleVerifier.VerifyInclusion(_sampleProof!.Index, Entries, _sampleProof.LeafHash, _sampleProof.Path, _fixture!.Root);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _reader?.Dispose();
        _connection?.Dispose();
        _fixture?.Dispose();
        _reader = null;
        _connection = null;
        _fixture = null;
        GC.SuppressFinalize(this);
    }

    private long Next() => _positions[_next++ & (Positions - 1)];
}

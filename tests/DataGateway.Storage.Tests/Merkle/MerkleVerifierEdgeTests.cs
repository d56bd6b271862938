using DataGateway.Cryptography.Merkle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataGateway.Storage.Tests.Merkle;

/// <summary>RELIABILITY.md A5: the verifiers never throw and refuse extreme sizes, odd lengths and oversized proofs.</summary>
public sealed class MerkleVerifierEdgeTests
{
    private static readonly byte[] Hash = ProofProbes.SomeHash;

    public static TheoryData<long, long> ExtremeInclusion => new()
    {
        { 0, 0 }, { 1, 0 }, { 2, 1 }, { -1, 1 }, { long.MinValue, 1 }, { 0, long.MinValue }, { long.MaxValue, long.MaxValue },
        { long.MaxValue - 1, long.MaxValue }, { 0, long.MaxValue }, { long.MaxValue, 1 }, { -1, -1 },
    };

    public static TheoryData<long, long> ExtremeConsistency => new()
    {
        { 1, 0 }, { -1, 1 }, { long.MinValue, long.MaxValue }, { long.MaxValue, long.MinValue }, { 1, long.MaxValue },
        { long.MaxValue - 1, long.MaxValue }, { long.MaxValue, long.MaxValue - 1 }, { 2, 1 },
    };

    [Theory]
    [MemberData(nameof(ExtremeInclusion))]
    public void VerifyInclusion_RefusesWithoutThrowing_WhenIndexOrSizeIsExtreme(long index, long size)
    {
        foreach (var proof in Proofs())
        {
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyInclusion(index, size, Hash, proof, Hash));
        }
    }

    [Theory]
    [MemberData(nameof(ExtremeConsistency))]
    public void VerifyConsistency_RefusesWithoutThrowing_WhenSizesAreExtreme(long size1, long size2)
    {
        foreach (var proof in Proofs())
        {
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyConsistency(size1, size2, Hash, ProofProbes.EmptyTreeHash, proof));
        }
    }

    [Fact]
    public void Verifiers_ReportMalformedInput_WhenElementsAreNullOrMisSized()
    {
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, 2, Hash, null, Hash));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, 2, Hash, [null!], Hash));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, 2, Hash, [new byte[33]], Hash));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, 1, [], [], []));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, 1, Hash, [], Hash[..31]));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyConsistency(1, 2, Hash, Hash, null));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyConsistency(1, 2, Hash, Hash, [Hash, null!]));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyConsistency(1, 2, [], Hash, [Hash]));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyConsistency(1, 2, Hash, new byte[64], [Hash]));
    }

    [Fact]
    public void Verifiers_RefuseOversizedProofs_BeforeHashing()
    {
        var huge = Enumerable.Repeat(Hash, 100_000).ToArray();

        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyInclusion(0, long.MaxValue, Hash, huge, Hash));
        Assert.Equal(MerkleProofError.MalformedInput, MerkleVerifier.VerifyConsistency(3, long.MaxValue, Hash, Hash, huge));
    }

    [Fact]
    public void VerifyInclusion_AcceptsSingleLeafTree_OnlyWhenLeafIsRoot()
    {
        Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(0, 1, Hash, [], Hash));
        Assert.Equal(MerkleProofError.RootMismatch, MerkleVerifier.VerifyInclusion(0, 1, Hash, [], ProofProbes.EmptyTreeHash));
        Assert.Equal(MerkleProofError.WrongLength, MerkleVerifier.VerifyInclusion(0, 1, Hash, [Hash], Hash));
    }

    [Property(MaxTest = 300)]
    public Property Verifiers_NeverThrowOrAcceptNoise_ForRandomInputs(long a, long b, byte[][] proof, byte[] leaf, byte[] root)
    {
        // Random bytes essentially never form a valid proof; the point is that nothing throws.
        var inclusion = MerkleVerifier.VerifyInclusion(a, b, leaf ?? [], proof, root ?? []);
        var consistency = MerkleVerifier.VerifyConsistency(a, b, leaf ?? [], root ?? [], proof);
        var trivial = a == b || a == 0 || (b == 1 && a == 0);
        return (inclusion != MerkleProofError.None && (consistency != MerkleProofError.None || trivial)).ToProperty();
    }

    private static IEnumerable<byte[][]> Proofs()
    {
        yield return [];
        yield return [Hash];
        yield return [.. Enumerable.Repeat(Hash, 62)];
        yield return [.. Enumerable.Repeat(Hash, 63)];
        yield return [.. Enumerable.Repeat(Hash, 126)];
    }
}

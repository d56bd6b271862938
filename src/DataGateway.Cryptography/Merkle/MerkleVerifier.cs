using System.Security.Cryptography;

namespace DataGateway.Cryptography.Merkle;

/// <summary>
/// Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Pure functions: they never throw,
/// whatever the input (null lists, empty or oversized elements, negative or extreme sizes), and say why they refuse.
/// </summary>
/// <remarks>
/// The steps are the RFC's, with the length checks made explicit: a proof is refused unless it is consumed exactly
/// (<c>sn == 0</c> at the end and never before), so leading, trailing, inserted or removed elements all fail
/// (RELIABILITY.md A5; probe set of transparency-dev <c>verify_test.go</c>).
/// </remarks>
public static class MerkleVerifier
{
    // A tree of at most 2^63 leaves has at most 63 levels; a consistency proof needs at most two per level.
    private const int MaxInclusionLength = 63;
    private const int MaxConsistencyLength = 126;

    /// <summary>Checks that <paramref name="leafHash"/> is the leaf at <paramref name="index"/> of the tree with <paramref name="rootHash"/>.</summary>
    /// <param name="index">The leaf index.</param>
    /// <param name="treeSize">The tree size.</param>
    /// <param name="leafHash">The 32-byte leaf hash.</param>
    /// <param name="proof">The audit path, leaf upwards.</param>
    /// <param name="rootHash">The expected 32-byte root.</param>
    /// <returns><see cref="MerkleProofError.None"/> if the proof verifies.</returns>
    public static MerkleProofError VerifyInclusion(
        long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]>? proof, ReadOnlySpan<byte> rootHash)
    {
        if (index < 0 || treeSize <= 0 || index >= treeSize)
        {
            return MerkleProofError.OutOfRange;
        }

        if (proof is null || proof.Count > MaxInclusionLength || !IsHash(leafHash) || !IsHash(rootHash) || !AllHashes(proof))
        {
            return MerkleProofError.MalformedInput;
        }

        // §2.1.3.2 steps 2-6.
        var fn = index;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.HashSizeInBytes];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return MerkleProofError.WrongLength;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.NodeInto(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.NodeInto(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return MerkleProofError.WrongLength;
        }

        return CryptographicOperations.FixedTimeEquals(r, rootHash)
            ? MerkleProofError.None
            : MerkleProofError.RootMismatch;
    }

    /// <summary>Checks that the tree of <paramref name="secondSize"/> leaves extends the tree of <paramref name="firstSize"/>.</summary>
    /// <param name="firstSize">The older size.</param>
    /// <param name="secondSize">The newer size.</param>
    /// <param name="firstRoot">The older 32-byte root.</param>
    /// <param name="secondRoot">The newer 32-byte root.</param>
    /// <param name="proof">The consistency path.</param>
    /// <returns><see cref="MerkleProofError.None"/> if the proof verifies.</returns>
    /// <remarks>
    /// Equal sizes verify only with an empty proof and equal roots; size 0 only with an empty proof and the
    /// empty-tree root as <paramref name="firstRoot"/> (RFC 9162 leaves both cases to the caller).
    /// </remarks>
    public static MerkleProofError VerifyConsistency(
        long firstSize, long secondSize, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]>? proof)
    {
        if (firstSize < 0 || secondSize < 0 || firstSize > secondSize)
        {
            return MerkleProofError.OutOfRange;
        }

        if (proof is null || proof.Count > MaxConsistencyLength || !IsHash(firstRoot) || !IsHash(secondRoot) || !AllHashes(proof))
        {
            return MerkleProofError.MalformedInput;
        }

        if (firstSize == 0 || firstSize == secondSize)
        {
            if (proof.Count != 0)
            {
                return MerkleProofError.WrongLength;
            }

            // Any tree extends the empty one, but only if the first root really is the empty root; equal sizes
            // need equal roots (so 0 → 0 needs both empty).
            var emptyOk = firstSize != 0 || CryptographicOperations.FixedTimeEquals(firstRoot, MerkleHash.EmptyRoot);
            var equalOk = firstSize != secondSize || CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
            return emptyOk && equalOk ? MerkleProofError.None : MerkleProofError.RootMismatch;
        }

        return VerifyProperConsistency(firstSize, secondSize, firstRoot, secondRoot, proof);
    }

    // §2.1.4.2 for 0 < first < second.
    private static MerkleProofError VerifyProperConsistency(
        long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (proof.Count == 0)
        {
            return MerkleProofError.WrongLength;
        }

        // Step 2: a power-of-two first tree is a complete subtree of the second, so its root is the path's start.
        var start = 0;
        ReadOnlySpan<byte> seed;
        if (MerkleHash.IsPowerOfTwo(first))
        {
            seed = firstRoot;
        }
        else
        {
            seed = proof[0];
            start = 1;
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.HashSizeInBytes];
        Span<byte> sr = stackalloc byte[MerkleHash.HashSizeInBytes];
        seed.CopyTo(fr);
        seed.CopyTo(sr);
        for (var i = start; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0)
            {
                return MerkleProofError.WrongLength;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.NodeInto(c, fr, fr);
                MerkleHash.NodeInto(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.NodeInto(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return MerkleProofError.WrongLength;
        }

        // Both comparisons always run, so timing does not reveal which root differed.
        var firstOk = CryptographicOperations.FixedTimeEquals(fr, firstRoot);
        var secondOk = CryptographicOperations.FixedTimeEquals(sr, secondRoot);
        return firstOk & secondOk ? MerkleProofError.None : MerkleProofError.RootMismatch;
    }

    private static bool IsHash(ReadOnlySpan<byte> hash) => hash.Length == MerkleHash.HashSizeInBytes;

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var element in proof)
        {
            if (element is null || element.Length != MerkleHash.HashSizeInBytes)
            {
                return false;
            }
        }

        return true;
    }
}

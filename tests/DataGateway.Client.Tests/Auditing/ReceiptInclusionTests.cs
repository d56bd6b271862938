using DataGateway.Client.Auditing;

namespace DataGateway.Client.Tests.Auditing;

/// <summary>A receipt's signed promise (issue 4: CT's SCT idea) is checked against a later checkpoint and proof.</summary>
public sealed class ReceiptInclusionTests : IDisposable
{
    private const int Index = 5;
    private readonly ReceiptLog _log = new(12);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void Verify_IsOkAndOnTime_WhenACheckpointBeforeTheDeadlineCoversTheEntry()
    {
        var receipt = _log.Receipt(Index);
        _log.Time.Advance(TimeSpan.FromSeconds(1));

        var check = Check(receipt, _log.Checkpoint(8), 8);

        Assert.Equal(new ReceiptInclusionCheck(true, null, true), check);
    }

    [Fact]
    public void Verify_IsOkButNotOnTime_WhenTheOnlyCheckpointShownIsAfterTheDeadline()
    {
        var receipt = _log.Receipt(Index);
        _log.Time.Advance(TimeSpan.FromMinutes(5));

        var check = Check(receipt, _log.Checkpoint(12), 12);

        Assert.True(check.Ok);
        Assert.False(check.OnTime);
    }

    [Fact]
    public void Verify_ReportsPromiseBroken_WhenACheckpointSignedAfterTheDeadlineLacksTheEntry()
    {
        var receipt = _log.Receipt(Index);
        _log.Time.Advance(TimeSpan.FromSeconds(10)); // exactly the deadline: the entry must be in by now

        Assert.Equal(ReceiptInclusionFailure.PromiseBroken, Check(receipt, _log.Checkpoint(Index), Index, proofSize: 8).Reason);
    }

    [Fact]
    public void Verify_ReportsNotYetCovered_WhenAnEarlierCheckpointLacksTheEntry()
    {
        var receipt = _log.Receipt(Index);
        _log.Time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(ReceiptInclusionFailure.NotYetCovered, Check(receipt, _log.Checkpoint(Index), Index, proofSize: 8).Reason);
    }

    [Fact]
    public void Verify_RefusesEntryMismatch_WhenTheLeafOrPreviousHashIsAnotherEntrys()
    {
        var receipt = _log.Receipt(Index);
        var note = _log.Checkpoint(8);

        // Another entry's leaf and its proof: the proof is valid, but not for this receipt.
        Assert.Equal(ReceiptInclusionFailure.EntryMismatch, Verify(receipt, note, _log.Leaves[Index + 1], _log.PreviousHash(Index), _log.Proof(Index, 8)).Reason);
        Assert.Equal(ReceiptInclusionFailure.EntryMismatch, Verify(receipt, note, _log.Leaves[Index], _log.PreviousHash(Index - 1), _log.Proof(Index, 8)).Reason);
        Assert.Equal(ReceiptInclusionFailure.EntryMismatch, Verify(receipt, note, _log.Leaves[Index], new byte[31], _log.Proof(Index, 8)).Reason);
    }

    public static TheoryData<string> ProofCorruptions() => ["flipBit", "dropFirst", "dropLast", "appendElement", "otherIndex", "otherSize"];

    [Theory]
    [MemberData(nameof(ProofCorruptions))]
    public void Verify_RefusesInclusionInvalid_WhenTheProofIsCorrupted(string corruption)
    {
        var receipt = _log.Receipt(Index);
        var proof = _log.Proof(Index, 11).Select(p => p.ToArray()).ToList();
        switch (corruption)
        {
            case "flipBit": proof[1][7] ^= 0x10; break;
            case "dropFirst": proof.RemoveAt(0); break;
            case "dropLast": proof.RemoveAt(proof.Count - 1); break;
            case "appendElement": proof.Add(new byte[32]); break;
            case "otherIndex": proof = [.. _log.Proof(Index - 1, 11)]; break;
            default: proof = [.. _log.Proof(Index, 12)]; break;
        }

        Assert.Equal(ReceiptInclusionFailure.InclusionInvalid, Verify(receipt, _log.Checkpoint(11), _log.Leaves[Index], _log.PreviousHash(Index), proof).Reason);
    }

    [Fact]
    public void Verify_RefusesCheckpointInvalid_WhenTheCheckpointIsForgedOrForAnotherLog()
    {
        using var other = Cryptography.Checkpoints.NoteSigningKey.Generate(ReceiptLog.Origin);
        var receipt = _log.Receipt(Index);
        var forged = _log.Checkpoint(8, other);
        var tampered = _log.Checkpoint(8).Replace("\n8\n", "\n9\n", StringComparison.Ordinal);
        var otherOrigin = _log.Receipt(Index, origin: "evil.example/audit");

        Assert.Equal(ReceiptInclusionFailure.CheckpointInvalid, Check(receipt, forged, 8).Reason);
        Assert.Equal(ReceiptInclusionFailure.CheckpointInvalid, Check(receipt, tampered, 8).Reason);
        Assert.Equal(ReceiptInclusionFailure.CheckpointInvalid, Check(otherOrigin, _log.Checkpoint(8), 8).Reason);
        Assert.Equal(ReceiptInclusionFailure.CheckpointInvalid, Check(receipt, "", 8).Reason);
    }

    [Fact]
    public void Verify_RefusesReceiptsThatAreForgedOrPromiseNothing()
    {
        using var attacker = Cryptography.Signing.EcSigningKey.Generate();
        var note = _log.Checkpoint(8);
        var genuine = _log.Receipt(Index);

        Assert.Equal(ReceiptInclusionFailure.ReceiptBadSignature, Check(_log.Receipt(Index, key: attacker), note, 8).Reason);
        Assert.Equal(ReceiptInclusionFailure.ReceiptBadSignature, Check(genuine with { Signature = genuine.Signature[..^2] + "AA" }, note, 8).Reason);
        Assert.Equal(ReceiptInclusionFailure.NoPromise, Check(_log.Receipt(Index, withPromise: false), note, 8).Reason);
    }

    [Fact]
    public void Verify_BelievesOnlyTheSignedReceipt_NotItsUnsignedCopyOfTheFields()
    {
        // Unsigned fields claiming another entry change nothing: the signed index and hash are what is checked.
        var receipt = _log.Receipt(Index) with { EntryIndex = 0, IncludedBy = ReceiptLog.Start.AddYears(1) };

        Assert.True(Check(receipt, _log.Checkpoint(8), 8).Ok);
    }

    private ReceiptInclusionCheck Check(Core.Contracts.AuditReceipt receipt, string note, long size, long? proofSize = null) =>
        Verify(receipt, note, _log.Leaves[Index], _log.PreviousHash(Index), _log.Proof(Index, proofSize ?? size));

    private ReceiptInclusionCheck Verify(Core.Contracts.AuditReceipt receipt, string note, byte[] leaf, byte[] previous, IReadOnlyList<byte[]> proof) =>
        ReceiptInclusion.Verify(receipt, _log.Keys, note, [_log.LogKey.VerificationKey], leaf, previous, proof);
}

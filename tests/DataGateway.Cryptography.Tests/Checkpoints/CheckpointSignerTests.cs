using System.Security.Cryptography;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Signing;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Checkpoints;

/// <summary>RELIABILITY.md A4: the signer never signs a smaller size, nor the same size with another root.</summary>
public sealed class CheckpointSignerTests : IDisposable
{
    private const string Origin = "datagateway.example/audit";
    private static readonly byte[] RootA = SHA256.HashData("a"u8);
    private static readonly byte[] RootB = SHA256.HashData("b"u8);

    private readonly NoteSigningKey _key = NoteSigningKey.Generate(Origin);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Sign_RefusesASmallerSize_AfterALargerOneWasSigned()
    {
        var signer = new CheckpointSigner(_key, null, _time);
        var first = signer.Sign(null, 10, RootA);

        var refused = signer.Sign(first.State, 9, RootB);

        Assert.True(first.Signed);
        Assert.Equal(CheckpointSignError.SizeRegressed, refused.Error);
        Assert.Null(refused.Note);
        Assert.Same(first.State, refused.State);
        Assert.Equal(CheckpointSignError.SizeRegressed, signer.Sign(first.State, 0, MerkleEmptyRoot()).Error);
    }

    [Fact]
    public void Sign_ReportsEquivocation_WhenTheSameSizeComesWithAnotherRoot()
    {
        var signer = new CheckpointSigner(_key, null, _time);
        var first = signer.Sign(null, 10, RootA);

        Assert.Equal(CheckpointSignError.Equivocation, signer.Sign(first.State, 10, RootB).Error);
        // Re-signing the same head (e.g. a fresh timestamp) is not a fork.
        _time.Advance(TimeSpan.FromMinutes(1));
        var again = signer.Sign(first.State, 10, RootA);
        Assert.True(again.Signed);
        Assert.Equal(first.Checkpoint!.Timestamp + TimeSpan.FromMinutes(1), again.Checkpoint!.Timestamp);
    }

    [Fact]
    public void Sign_KeepsTheGuard_WhenStateIsPersistedAndReloaded()
    {
        var state = new CheckpointSigner(_key, null, _time).Sign(null, 5, RootA).State!;
        var stored = System.Text.Json.JsonSerializer.Serialize(state);

        // A new process with a new signer instance: the guard lives in the persisted state, not in memory.
        var reloaded = System.Text.Json.JsonSerializer.Deserialize<CheckpointSignerState>(stored)!;
        var signer = new CheckpointSigner(_key, null, _time);

        Assert.Equal(CheckpointSignError.SizeRegressed, signer.Sign(reloaded, 4, RootA).Error);
        Assert.Equal(CheckpointSignError.Equivocation, signer.Sign(reloaded, 5, RootB).Error);
        var grown = signer.Sign(reloaded, 6, RootB);
        Assert.True(grown.Signed);
        Assert.Equal(6, grown.State!.TreeSize);
        Assert.Equal(RootB, grown.State.RootHash);
    }

    [Fact]
    public void Sign_NeverStampsALaterHeadEarlier_WhenTheClockStepsBack()
    {
        // RELIABILITY.md G12: an NTP step or a VM restore moves the clock back ten minutes between two checkpoints.
        var clock = new SteppingClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var signer = new CheckpointSigner(_key, null, clock);
        var first = signer.Sign(null, 10, RootA);
        clock.Now -= TimeSpan.FromMinutes(10);

        var second = signer.Sign(first.State, 11, RootB);
        var third = signer.Sign(second.State, 12, RootA);
        clock.Now += TimeSpan.FromMinutes(11);
        var caughtUp = signer.Sign(third.State, 13, RootB);

        Assert.Equal(first.Checkpoint!.Timestamp!.Value.AddMilliseconds(1), second.Checkpoint!.Timestamp);
        Assert.Equal(second.Checkpoint.Timestamp!.Value.AddMilliseconds(1), third.Checkpoint!.Timestamp);
        Assert.Equal(clock.Now, caughtUp.Checkpoint!.Timestamp);
    }

    [Fact]
    public void Sign_ProducesNotesThatVerifyWithThePublishedJwk()
    {
        var signer = new CheckpointSigner(_key, null, _time);
        var result = signer.Sign(null, 0, MerkleEmptyRoot());
        var jwk = _key.VerificationKey.ToJsonWebKey();

        Assert.True(NoteVerificationKey.TryFromJsonWebKey(Origin, jwk, out var fromJwk));
        Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(result.Note, Origin, [fromJwk!], out var checkpoint));
        Assert.Equal(0, checkpoint!.TreeSize);
        Assert.Equal(_key.KeyId, fromJwk!.KeyId);
    }

    [Fact]
    public void Sign_RefusesInvalidArguments()
    {
        var signer = new CheckpointSigner(_key, null, _time);

        Assert.Throws<ArgumentOutOfRangeException>(() => signer.Sign(null, -1, RootA));
        Assert.Throws<ArgumentException>(() => signer.Sign(null, 1, RootA[..31]));
        Assert.Throws<ArgumentException>(() => new CheckpointSigner(_key, "two\nlines", _time));
        Assert.Throws<ArgumentException>(() => new CheckpointSigner(_key, string.Empty, _time));
        Assert.Throws<ArgumentException>(() => NoteSigningKey.Generate("has space"));
        Assert.Throws<ArgumentException>(() => NoteSigningKey.Generate("has+plus"));
        Assert.Throws<ArgumentException>(() => NoteSigningKey.FromSeed(Origin, new byte[31]));
    }

    public static TheoryData<JsonWebKey> BadJwks()
    {
        using var key = NoteSigningKey.Generate(Origin);
        var good = key.VerificationKey.ToJsonWebKey();
        return new()
        {
            good with { Kty = "EC" },
            good with { Crv = "Ed448" },
            good with { Alg = "ES256" },
            good with { Use = "enc" },
            good with { Y = good.X },
            good with { X = good.X + "A" },
            good with { X = good.X[..^1] },
            good with { X = good.X.Replace('_', '/').Replace('-', '+') + "=" },
        };
    }

    [Theory]
    [MemberData(nameof(BadJwks))]
    public void TryFromJsonWebKey_Refuses_WhenTheJwkIsNotACanonicalEd25519Key(JsonWebKey jwk)
    {
        Assert.False(NoteVerificationKey.TryFromJsonWebKey(Origin, jwk, out var key));
        Assert.Null(key);
    }

    public void Dispose() => _key.Dispose();

    private static byte[] MerkleEmptyRoot() => SHA256.HashData([]);

    /// <summary>A wall clock that can step backwards, which FakeTimeProvider refuses to do.</summary>
    private sealed class SteppingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

using System.Security.Cryptography;
using DataGateway.Cryptography.Checkpoints;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Checkpoints;

/// <summary>RELIABILITY.md A7: the signature covers the exact bytes; every mutation is refused, nothing throws.</summary>
public sealed class CheckpointVerifierTests : IDisposable
{
    private const string Origin = "datagateway.example/audit";
    private static readonly byte[] Root = SHA256.HashData("root"u8);

    private readonly NoteSigningKey _key = NoteSigningKey.FromSeed(Origin, SHA256.HashData("test seed"u8));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123));

    private NoteVerificationKey[] Trusted => [_key.VerificationKey];

    [Fact]
    public void Verify_ReturnsTheSignedCheckpoint_WhenUntouched()
    {
        var note = Sign(20852163, Root);

        Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(note, Origin, Trusted, out var checkpoint));
        Assert.Equal(Origin, checkpoint!.Origin);
        Assert.Equal(20852163, checkpoint.TreeSize);
        Assert.Equal(Root, checkpoint.RootHash);
        Assert.Equal(_time.GetUtcNow(), checkpoint.Timestamp);
        Assert.StartsWith($"{Origin}\n20852163\n{Convert.ToBase64String(Root)}\ntimestamp 1790000000123\n\n— {Origin} ", note, StringComparison.Ordinal);
        Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(System.Text.Encoding.UTF8.GetBytes(note), Origin, Trusted, out _));
    }

    public static TheoryData<string, Func<string, string>> Mutations => new()
    {
        { "origin", n => n.Replace(Origin + "\n", "datagateway.example/audit2\n", StringComparison.Ordinal) },
        { "origin look-alike (Cyrillic a)", n => n.Replace("datagateway", "dat\u0430gateway", StringComparison.Ordinal) },
        { "origin look-alike (fullwidth slash)", n => n.Replace("example/audit\n", "example\uFF0Faudit\n", StringComparison.Ordinal) },
        { "size", n => n.Replace("\n42\n", "\n43\n", StringComparison.Ordinal) },
        { "size leading zero", n => n.Replace("\n42\n", "\n042\n", StringComparison.Ordinal) },
        { "root", n => n.Replace(Convert.ToBase64String(Root), Convert.ToBase64String(SHA256.HashData("other"u8)), StringComparison.Ordinal) },
        { "timestamp", n => n.Replace("timestamp 1790000000123", "timestamp 1790000000124", StringComparison.Ordinal) },
        { "trailing newline removed", n => n[..^1] },
        { "trailing newline added", n => n + "\n" },
        { "extension line added", n => n.Replace("\n\n—", "\nextra\n\n—", StringComparison.Ordinal) },
        { "blank line inside body", n => n.Replace("\n42\n", "\n\n42\n", StringComparison.Ordinal) },
        { "CRLF line ends", n => n.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "signature truncated", n => n[..^6] + "\n" },
        { "signature truncated to key id", n => n[..(n.LastIndexOf(' ') + 1)] + "AAAAAA==\n" },
        { "signature key name changed", n => n.Replace("— " + Origin, "— other.example/log", StringComparison.Ordinal) },
        { "en dash instead of em dash", n => n.Replace("— ", "– ", StringComparison.Ordinal) },
        { "BOM prefix", n => "\uFEFF" + n },
        { "NUL inside", n => n.Replace("audit\n", "audit\0\n", StringComparison.Ordinal) },
        { "bidi override in origin", n => n.Replace("datagateway", "\u202Edatagateway", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Verify_Refuses_WhenTheNoteIsMutated(string mutation, Func<string, string> mutate)
    {
        var note = Sign(42, Root);
        var mutated = mutate(note);
        Assert.NotEqual(note, mutated);

        var error = CheckpointVerifier.Verify(mutated, Origin, Trusted, out var checkpoint);

        Assert.True(error != CheckpointError.None, mutation);
        Assert.Null(checkpoint);
    }

    [Fact]
    public void Verify_RefusesEverySingleCharacterEdit_OfASignedCheckpoint()
    {
        var note = Sign(42, Root);
        var accepted = new List<string>();
        for (var i = 0; i < note.Length; i++)
        {
            string[] edits = [note.Remove(i, 1), note[..i] + (char)(note[i] ^ 1) + note[(i + 1)..], note.Insert(i, "x")];
            foreach (var edit in edits)
            {
                if (CheckpointVerifier.Verify(edit, Origin, Trusted, out _) == CheckpointError.None)
                {
                    accepted.Add($"edit at {i}");
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Verify_RefusesUnknownKeys_EvenWithTheSameNameOrKeyId()
    {
        var note = Sign(42, Root);
        using var stranger = NoteSigningKey.FromSeed(Origin, SHA256.HashData("another seed"u8));
        Assert.True(NoteVerificationKey.TryCreate("other.example/log", _key.VerificationKey.PublicKey, out var renamed));

        Assert.Equal(CheckpointError.UnknownKey, CheckpointVerifier.Verify(note, Origin, [stranger.VerificationKey], out _));
        Assert.Equal(CheckpointError.UnknownKey, CheckpointVerifier.Verify(note, Origin, [renamed!], out _));
        Assert.Equal(CheckpointError.UnknownKey, CheckpointVerifier.Verify(note, Origin, [], out _));
        // A forger's note signed by an untrusted key with the log's name is refused too.
        var forged = new CheckpointSigner(stranger, Origin, _time).Sign(null, 42, Root).Note;
        Assert.Equal(CheckpointError.UnknownKey, CheckpointVerifier.Verify(forged, Origin, Trusted, out _));
    }

    [Fact]
    public void Verify_RefusesTheWholeNote_WhenATrustedSignatureFailsEvenIfAnotherVerifies()
    {
        var note = Sign(42, Root);
        var signatureLine = note[(note.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var payload = Convert.FromBase64String(signatureLine[(signatureLine.LastIndexOf(' ') + 1)..^1]);
        payload[^1] ^= 1;
        var badLine = $"— {Origin} {Convert.ToBase64String(payload)}\n";

        Assert.Equal(CheckpointError.SignatureInvalid, CheckpointVerifier.Verify(note + badLine, Origin, Trusted, out _));
        var shortLine = $"— {Origin} {Convert.ToBase64String(payload[..40])}\n";
        Assert.Equal(CheckpointError.SignatureInvalid, CheckpointVerifier.Verify(note + shortLine, Origin, Trusted, out _));
    }

    [Fact]
    public void Verify_IgnoresSignaturesFromOtherKeys_WhenTheTrustedOneVerifies()
    {
        using var witness = NoteSigningKey.FromSeed("witness.example/w1", SHA256.HashData("witness"u8));
        var note = Sign(42, Root);
        var body = note[..(note.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)];
        var cosigned = note + witness.Sign(body)[(body.Length + 1)..];

        Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(cosigned, Origin, Trusted, out _));
    }

    public static TheoryData<string, CheckpointError> SignedButInvalidBodies => new()
    {
        { $"{Origin}\n042\n{Convert.ToBase64String(Root)}\n", CheckpointError.InvalidTreeSize },
        { $"{Origin}\n-1\n{Convert.ToBase64String(Root)}\n", CheckpointError.InvalidTreeSize },
        { $"{Origin}\n9223372036854775808\n{Convert.ToBase64String(Root)}\n", CheckpointError.InvalidTreeSize },
        { $"{Origin}\n1\n{Convert.ToBase64String(Root[..31])}\n", CheckpointError.InvalidRootHash },
        { $"{Origin}\n1\n{Convert.ToBase64String(Root)[..^2]}1=\n", CheckpointError.InvalidRootHash },
        { $"{Origin}\n1\n{Convert.ToBase64String(Root)}\nextension\n", CheckpointError.UnsupportedExtension },
        { $"{Origin}\n1\n{Convert.ToBase64String(Root)}\ntimestamp 1\ntimestamp 2\n", CheckpointError.UnsupportedExtension },
        { $"{Origin}\n1\n{Convert.ToBase64String(Root)}\ntimestamp 99999999999999999\n", CheckpointError.UnsupportedExtension },
        { $"other.example/log\n1\n{Convert.ToBase64String(Root)}\n", CheckpointError.OriginMismatch },
        { $"{Origin}\n1\n", CheckpointError.Malformed },
    };

    [Theory]
    [MemberData(nameof(SignedButInvalidBodies))]
    public void Verify_RefusesBodiesThisLogNeverWrites_EvenWhenSigned(string body, CheckpointError expected)
    {
        Assert.Equal(expected, CheckpointVerifier.Verify(_key.Sign(body), Origin, Trusted, out var checkpoint));
        Assert.Null(checkpoint);
    }

    [Fact]
    public void Verify_RefusesOversizedNotes()
    {
        var note = Sign(1, Root);
        Assert.Equal(CheckpointError.TooLarge, CheckpointVerifier.Verify(note + new string('a', 70_000), Origin, Trusted, out _));
        Assert.Equal(CheckpointError.Malformed, CheckpointVerifier.Verify((string?)null, Origin, Trusted, out _));
        Assert.Equal(CheckpointError.Malformed, CheckpointVerifier.Verify([0xFF, 0x0A, 0x0A], Origin, Trusted, out _));
    }

    [Property(MaxTest = 300)]
    public Property Verify_NeverThrowsOrAccepts_ForArbitraryText(string text, NonNegativeInt cut)
    {
        var note = Sign(7, Root);
        var at = cut.Get % note.Length;
        var spliced = note[..at] + (text ?? string.Empty) + note[at..];
        var accepted = CheckpointVerifier.Verify(spliced, Origin, Trusted, out _) == CheckpointError.None;
        var arbitrary = CheckpointVerifier.Verify(text, Origin, Trusted, out _) == CheckpointError.None;
        return (!arbitrary && (!accepted || spliced == note)).ToProperty();
    }

    public void Dispose() => _key.Dispose();

    private string Sign(long size, byte[] root) => new CheckpointSigner(_key, Origin, _time).Sign(null, size, root).Note!;
}

using System.Text;
using DataGateway.Cryptography.Checkpoints;

namespace DataGateway.Cryptography.Tests.Checkpoints;

/// <summary>
/// Known answers: golang.org/x/mod/sumdb/note's test key and signed note (<c>note_test.go</c>), the reference
/// implementation of c2sp.org/signed-note, and RFC 8037 Appendix A's Ed25519 JWK and thumbprint.
/// </summary>
public sealed class NoteKnownAnswerTests
{
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSignature = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSignature = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    // "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK…" and "PeterNeumann+c74f20a3+ARpc…": base64(0x01 || key).
    private static readonly byte[] PeterSeed = Convert.FromBase64String("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")[1..];
    private static readonly byte[] PeterPublic = Convert.FromBase64String("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")[1..];
    private static readonly byte[] EnochPublic = Convert.FromBase64String("ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop")[1..];

    [Fact]
    public void Sign_ReproducesTheReferenceSignedNote_ForTheGoTestKey()
    {
        using var key = NoteSigningKey.FromSeed("PeterNeumann", PeterSeed);

        Assert.Equal(0xc74f20a3u, key.KeyId);
        Assert.Equal(PeterPublic, key.VerificationKey.PublicKey.ToArray());
        Assert.Equal(Text + "\n" + PeterSignature, key.Sign(Text));
    }

    [Fact]
    public void KeyId_MatchesTheReference_ForAnotherKey()
    {
        Assert.True(NoteVerificationKey.TryCreate("EnochRoot", EnochPublic, out var enoch));
        Assert.Equal(0xaf0cfe78u, enoch!.KeyId);
    }

    [Fact]
    public void Parse_VerifiesBothReferenceSignatures_AndRefusesTheirCorruption()
    {
        Assert.Equal(CheckpointError.None, SignedNote.TryParse(Text + "\n" + PeterSignature + EnochSignature, out var text, out var signatures));
        Assert.Equal(Text, text);
        Assert.True(NoteVerificationKey.TryCreate("PeterNeumann", PeterPublic, out var peter));
        Assert.True(NoteVerificationKey.TryCreate("EnochRoot", EnochPublic, out var enoch));
        var message = Encoding.UTF8.GetBytes(text);
        Assert.True(peter!.Verify(message, signatures[0].Signature));
        Assert.True(enoch!.Verify(message, signatures[1].Signature));
        Assert.False(peter.Verify(message, signatures[1].Signature));

        var corrupted = Text + "\n" + PeterSignature[..60] + "ABCD" + PeterSignature[60..];
        Assert.Equal(CheckpointError.None, SignedNote.TryParse(corrupted, out _, out var bad));
        Assert.False(peter.Verify(message, bad[0].Signature));
    }

    [Theory]
    [InlineData(Text)]
    [InlineData(Text + "\n")]
    [InlineData(Text + "\n" + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("\u0001" + Text + "\n" + PeterSignature)]
    [InlineData(Text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData(Text + "\n" + PeterSignature + "Unexpected line.\n")]
    [InlineData(Text + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData(Text + "\n" + "— Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData(Text + "\n" + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n")]
    [InlineData(Text + "\n" + "— PeterNeumann x08g\n")]
    [InlineData("")]
    public void Parse_RefusesMalformedNotes_FromTheReferenceSuite(string note)
    {
        Assert.NotEqual(CheckpointError.None, SignedNote.TryParse(note, out _, out _));
    }

    [Fact]
    public void Parse_RefusesTooManySignatures()
    {
        var note = Text + "\n" + string.Concat(Enumerable.Repeat(PeterSignature, 101));

        Assert.Equal(CheckpointError.TooLarge, SignedNote.TryParse(note, out _, out _));
    }

    [Fact]
    public void Jwk_MatchesRfc8037AppendixA_ForItsEd25519Key()
    {
        var seed = Convert.FromBase64String("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=");
        using var key = NoteSigningKey.FromSeed("example.com/log", seed);

        var jwk = key.VerificationKey.ToJsonWebKey();

        Assert.Equal("OKP", jwk.Kty);
        Assert.Equal("Ed25519", jwk.Crv);
        Assert.Equal("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", jwk.X);
        Assert.Null(jwk.Y);
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", jwk.Kid);
        Assert.Equal("EdDSA", jwk.Alg);
    }
}

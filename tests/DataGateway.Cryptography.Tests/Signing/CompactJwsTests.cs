using System.Security.Cryptography;
using System.Text;
using DataGateway.Cryptography.Signing;
using DataGateway.Cryptography.Tests.Support;

namespace DataGateway.Cryptography.Tests.Signing;

public sealed class CompactJwsTests
{
    private static readonly EcSigningKey Key = EcSigningKey.Generate();
    private static readonly JsonWebKeySet Keys = new([Key.PublicJwk]);
    private static readonly byte[] Payload = """{"subject":"91350100M000100Y43","result":true}"""u8.ToArray();

    [Fact]
    public void Sign_WritesExactProtectedHeader_WithAlgKidAndTyp()
    {
        var compact = CompactJws.Sign(Payload, Key, "dg-attestation+jws");

        var header = Encoding.UTF8.GetString(Jws.Decode(Jws.Segments(compact)[0]));
        Assert.Equal($$"""{"alg":"ES256","kid":"{{Key.KeyId}}","typ":"dg-attestation+jws"}""", header);
        Assert.Equal(64, Jws.Decode(Jws.Segments(compact)[2]).Length);
    }

    [Fact]
    public void Verify_ReturnsValidPayloadAndHeader_WhenSignedByKeyInSet()
    {
        var other = EcSigningKey.Generate();
        var compact = CompactJws.Sign(Payload, Key, "t");

        var status = CompactJws.Verify(compact, new JsonWebKeySet([other.PublicJwk, Key.PublicJwk]), out var payload, out var header);

        Assert.Equal(JwsStatus.Valid, status);
        Assert.Equal(Payload, payload);
        Assert.Equal(new JwsHeader("ES256", Key.KeyId, "t"), header);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\"b")]
    [InlineData("a\\b")]
    [InlineData("line\nbreak")]
    public void Sign_Throws_WhenTypeCouldBreakTheHeader(string type) =>
        Assert.ThrowsAny<ArgumentException>(() => CompactJws.Sign(Payload, Key, type));

    [Fact]
    public void Verify_NeverReturnsValid_WhenAnySingleBitOfAnySegmentIsFlipped()
    {
        var parts = Jws.Segments(CompactJws.Sign(Payload, Key, "t"));
        for (var segment = 0; segment < 3; segment++)
        {
            var bytes = Jws.Decode(parts[segment]);
            for (var bit = 0; bit < bytes.Length * 8; bit++)
            {
                var tampered = (byte[])bytes.Clone();
                tampered[bit / 8] ^= (byte)(1 << (bit % 8));
                var copy = (string[])parts.Clone();
                copy[segment] = Jws.B64(tampered);

                var status = CompactJws.Verify(string.Join('.', copy), Keys, out var payload, out _);

                Assert.True(status != JwsStatus.Valid, $"segment {segment} bit {bit} still verified");
                Assert.Null(payload);
            }
        }
    }

    [Fact]
    public void Verify_NeverReturnsValid_WhenAnyCharacterIsReplaced()
    {
        // Covers the non-canonical spellings too: changing only the unused low bits of a
        // segment's last character decodes to the same bytes in a lenient decoder.
        var compact = CompactJws.Sign(Payload, Key, "t");
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        for (var i = 0; i < compact.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != compact[i]))
            {
                var tampered = string.Concat(compact.AsSpan(0, i), c.ToString(), compact.AsSpan(i + 1));
                Assert.NotEqual(JwsStatus.Valid, CompactJws.Verify(tampered, Keys, out _, out _));
            }
        }
    }

    [Fact]
    public void Verify_ReturnsUnsupportedAlgorithm_ForAlgNoneWithEmptySignature()
    {
        var token = Jws.B64($$"""{"alg":"none","kid":"{{Key.KeyId}}"}""") + "." + Jws.B64(Payload) + ".";

        Assert.Equal(JwsStatus.UnsupportedAlgorithm, CompactJws.Verify(token, Keys, out var payload, out _));
        Assert.Null(payload);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("ES384")]
    [InlineData("RS256")]
    [InlineData("es256")]
    [InlineData("EdDSA")]
    public void Verify_ReturnsUnsupportedAlgorithm_ForHmacKeyedWithThePublicKey(string alg)
    {
        // Algorithm confusion: the attacker MACs with the published key as the HMAC secret.
        var signingInput = Jws.B64($$"""{"alg":"{{alg}}","kid":"{{Key.KeyId}}"}""") + "." + Jws.B64(Payload);
        foreach (var secret in new[] { Encoding.ASCII.GetBytes(Key.ExportPublicKeyPem()), Encoding.UTF8.GetBytes(Keys.ToJson()) })
        {
            var token = signingInput + "." + Jws.B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

            Assert.Equal(JwsStatus.UnsupportedAlgorithm, CompactJws.Verify(token, Keys, out _, out _));
        }
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("../../etc/passwd")]
    [InlineData("' OR 1=1 --")]
    [InlineData("")]
    public void Verify_ReturnsUnknownKey_WhenKidIsNotInTheSet(string kid)
    {
        var token = Jws.SignWithHeader($$"""{"alg":"ES256","kid":"{{kid}}"}""", Payload, Key);

        Assert.Equal(JwsStatus.UnknownKey, CompactJws.Verify(token, Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsUnknownKey_WhenSignedByAKeyNotInTheSet()
    {
        using var stranger = EcSigningKey.Generate();

        Assert.Equal(JwsStatus.UnknownKey, CompactJws.Verify(CompactJws.Sign(Payload, stranger, "t"), Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsBadSignature_WhenAnotherKeySignsUnderThisKid()
    {
        using var stranger = EcSigningKey.Generate();
        var token = Jws.SignWithHeader($$"""{"alg":"ES256","kid":"{{Key.KeyId}}"}""", Payload, stranger);

        Assert.Equal(JwsStatus.BadSignature, CompactJws.Verify(token, Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsUnknownKey_WhenSetEntryIsNotAnEs256SigningKey()
    {
        var set = new JsonWebKeySet([Key.PublicJwk with { Use = "enc" }, Key.PublicJwk with { Kid = "x", Alg = "ES384" }]);

        Assert.Equal(JwsStatus.UnknownKey, CompactJws.Verify(CompactJws.Sign(Payload, Key, "t"), set, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void Verify_ReturnsBadSignature_WhenSignatureHasWrongLength(int length)
    {
        var parts = Jws.Segments(CompactJws.Sign(Payload, Key, "t"));
        var signature = Jws.Decode(parts[2]);
        var resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, signature.Length)).CopyTo(resized);

        Assert.Equal(JwsStatus.BadSignature, CompactJws.Verify($"{parts[0]}.{parts[1]}.{Jws.B64(resized)}", Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsBadSignature_WhenSignatureIsDerEncoded()
    {
        var parts = Jws.Segments(CompactJws.Sign(Payload, Key, "t"));
        var der = Key.CurrentEcdsa.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.Equal(JwsStatus.BadSignature, CompactJws.Verify($"{parts[0]}.{parts[1]}.{Jws.B64(der)}", Keys, out _, out _));
    }

    [Fact]
    public void Verify_NeverReturnsValid_WhenSegmentsAreSwapped()
    {
        var p = Jws.Segments(CompactJws.Sign(Payload, Key, "t"));
        foreach (var order in new[] { new[] { 1, 0, 2 }, new[] { 2, 1, 0 }, new[] { 0, 2, 1 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 } })
        {
            Assert.NotEqual(JwsStatus.Valid, CompactJws.Verify(string.Join('.', order.Select(i => p[i])), Keys, out _, out _));
        }
    }

    [Theory]
    [InlineData("jku", "\"https://evil.example/jwks.json\"")]
    [InlineData("x5u", "\"https://evil.example/cert.pem\"")]
    [InlineData("jwk", "{\"kty\":\"EC\"}")]
    [InlineData("x5c", "[\"MIIB\"]")]
    [InlineData("crit", "[\"exp\"]")]
    [InlineData("b64", "false")]
    public void Verify_ReturnsMalformed_WhenHeaderCarriesAKeyHintOrCrit(string member, string value)
    {
        var token = Jws.SignWithHeader($$"""{"alg":"ES256","kid":"{{Key.KeyId}}","{{member}}":{{value}}}""", Payload, Key);

        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(token, Keys, out _, out _));
    }

    [Theory]
    [InlineData("""{"alg":"ES256","kid":"K","alg":"none"}""")]
    [InlineData("""{"alg":"ES256","kid":"K","\u0061lg":"ES256"}""")]
    [InlineData("""{"alg":"ES256","kid":"K","kid":"K"}""")]
    [InlineData("""{"alg":"ES256","kid":"K"} x""")]
    [InlineData("""{"alg":"ES256","kid":"K"}{}""")]
    [InlineData("""{"alg":"ES256","kid":"K",}""")]
    [InlineData("""{"alg":"ES256","kid":["K"]}""")]
    [InlineData("""{"alg":256,"kid":"K"}""")]
    [InlineData("""{"kid":"K"}""")]
    [InlineData("""["alg","ES256"]""")]
    [InlineData("""{"alg":"ES256","kid":"K" /* c */}""")]
    public void Verify_ReturnsMalformed_WhenSignedHeaderIsNotStrictJson(string headerTemplate)
    {
        var token = Jws.SignWithHeader(headerTemplate.Replace("\"K\"", $"\"{Key.KeyId}\"", StringComparison.Ordinal), Payload, Key);

        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(token, Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsMalformed_ForPaddingStandardAlphabetAndTrailingGarbage()
    {
        var compact = CompactJws.Sign([0xFB, 0xFF, 0xBF], Key, "t");
        var p = Jws.Segments(compact);
        Assert.Contains(p[1], c => c is '-' or '_');

        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify($"{p[0]}.{p[1]}.{p[2]}==", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify($"{p[0]}=.{p[1]}.{p[2]}", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify($"{p[0]}.{p[1].Replace('-', '+').Replace('_', '/')}.{p[2]}", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(compact + ".", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(compact + ".e30", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(compact + " ", Keys, out _, out _));
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(" " + compact, Keys, out _, out _));
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(compact, Keys, out _, out _));
    }

    [Fact]
    public void Verify_ReturnsMalformed_WhenTokenExceeds64KiB_EvenIfCorrectlySigned()
    {
        var big = CompactJws.Sign(new byte[60 * 1024], Key, "t");

        Assert.True(big.Length > CompactJws.MaximumLengthInChars);
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(big, Keys, out _, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("e30.e30.e30")]
    [InlineData("\u00e9.\u00e9.\u00e9")]
    [InlineData("/w.AA.AA")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImtpZCI6Ilx1ZDgwMCJ9.AA.AA")]
    public void Verify_ReturnsMalformedWithoutThrowing_ForGarbage(string? token)
    {
        Assert.Equal(JwsStatus.Malformed, CompactJws.Verify(token, Keys, out var payload, out var header));
        Assert.Null(payload);
        Assert.Null(header);
    }

    [Fact]
    public void Verify_NeverThrows_ForRandomTokensBuiltFromJwsCharacters()
    {
        var random = new Random(7);
        const string chars = "eyJhbGciOiJFUzI1NiJ9AZaz09-_.=";
        for (var i = 0; i < 5_000; i++)
        {
            var token = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => chars[random.Next(chars.Length)]).ToArray());
            Assert.NotEqual(JwsStatus.Valid, CompactJws.Verify(token, Keys, out _, out _));
        }
    }
}

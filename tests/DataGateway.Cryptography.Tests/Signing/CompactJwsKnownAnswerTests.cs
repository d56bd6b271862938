using System.Text;
using DataGateway.Cryptography.Signing;
using DataGateway.Cryptography.Tests.Support;

namespace DataGateway.Cryptography.Tests.Signing;

public sealed class CompactJwsKnownAnswerTests
{
    // RFC 7515 Appendix A.3: JWS using ECDSA P-256 SHA-256.
    internal const string Rfc7515A3 =
        "eyJhbGciOiJFUzI1NiJ9" +
        ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
        ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    internal static readonly JsonWebKey Rfc7515A3Key = new(
        "EC", "P-256", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        Kid: "rfc7515-a3", Use: null, Alg: null);

    [Fact]
    public void VerifyWithKey_ReturnsValidAndPayload_ForRfc7515AppendixA3()
    {
        var status = CompactJws.VerifyWithKey(Rfc7515A3, Rfc7515A3Key, out var payload, out var header);

        Assert.Equal(JwsStatus.Valid, status);
        Assert.Equal("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}", Encoding.UTF8.GetString(payload!));
        Assert.Equal(new JwsHeader("ES256", null, null), header);
    }

    [Fact]
    public void VerifyWithKey_ReturnsBadSignature_WhenRfc7515A3SignatureHasOneBitFlipped()
    {
        var parts = Jws.Segments(Rfc7515A3);
        var signature = Jws.Decode(parts[2]);
        signature[^1] ^= 1;

        var status = CompactJws.VerifyWithKey($"{parts[0]}.{parts[1]}.{Jws.B64(signature)}", Rfc7515A3Key, out var payload, out _);

        Assert.Equal(JwsStatus.BadSignature, status);
        Assert.Null(payload);
    }

    [Fact]
    public void Verify_ReturnsUnknownKey_ForRfc7515AppendixA3_BecauseItHasNoKid()
    {
        // The production API selects keys by kid only; a header without one never matches.
        var set = new JsonWebKeySet([Rfc7515A3Key]);

        Assert.Equal(JwsStatus.UnknownKey, CompactJws.Verify(Rfc7515A3, set, out _, out _));
    }

    [Fact]
    public void ComputeThumbprint_MatchesRfc8037AppendixA3_ForEd25519Key()
    {
        var key = new JsonWebKey("OKP", "Ed25519", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", null, "k", null, null);

        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.ComputeThumbprint());
    }

    [Fact]
    public void ComputeThumbprint_HashesRequiredMembersInLexicographicOrder_ForEcKey()
    {
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Rfc7515A3Key.X}}","y":"{{Rfc7515A3Key.Y}}"}""";
        var expected = Jws.B64(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));

        Assert.Equal(expected, Rfc7515A3Key.ComputeThumbprint());
        Assert.Equal(expected, (Rfc7515A3Key with { Kid = "other", Use = "sig", Alg = "ES256" }).ComputeThumbprint());
    }
}

using System.Buffers.Text;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Tests.Signing;

public sealed class JsonWebKeySetTests
{
    private static readonly EcSigningKey First = EcSigningKey.Generate();
    private static readonly EcSigningKey Second = EcSigningKey.Generate();
    private static readonly JsonWebKey Ed25519 = new("OKP", "Ed25519", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", null, "ed-1", "sig", "EdDSA");

    [Fact]
    public void TryParse_RoundTripsToJson_WithEcAndOkpKeys()
    {
        var set = new JsonWebKeySet([First.PublicJwk, Second.PublicJwk, Ed25519]);

        Assert.True(JsonWebKeySet.TryParse(set.ToJson(), out var parsed));
        Assert.Equal(set.Keys, parsed!.Keys);
        Assert.DoesNotContain("\"y\"", new JsonWebKeySet([Ed25519]).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WritesRegisteredMemberNames()
    {
        var json = new JsonWebKeySet([First.PublicJwk]).ToJson();

        Assert.Equal(
            $$"""{"keys":[{"kty":"EC","crv":"P-256","x":"{{First.PublicJwk.X}}","y":"{{First.PublicJwk.Y}}","kid":"{{First.KeyId}}","use":"sig","alg":"ES256"}]}""",
            json);
    }

    [Fact]
    public void TryParse_SkipsKeyTypesItDoesNotUnderstand()
    {
        var json = $$"""{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"r"},{"kty":"EC","crv":"P-384","x":"AA","y":"AA","kid":"p384"},{{Jwk(First.PublicJwk)}}]}""";

        Assert.True(JsonWebKeySet.TryParse(json, out var set));
        Assert.Equal([First.PublicJwk], set!.Keys);
    }

    [Theory]
    [InlineData("""{"keys":[],"keys":[]}""")]
    [InlineData("""{"keys":[],"\u006beys":[]}""")]
    [InlineData("""{"keys":{}}""")]
    [InlineData("""{"Keys":[]}""")]
    [InlineData("""[]""")]
    [InlineData("""{"keys":[1]}""")]
    [InlineData("""{"keys":[{"crv":"P-256"}]}""")]
    [InlineData("""{"keys":[]} trailing""")]
    [InlineData("""{"keys":[],}""")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData(null)]
    public void TryParse_ReturnsFalseWithoutThrowing_ForMalformedDocuments(string? json)
    {
        Assert.False(JsonWebKeySet.TryParse(json, out var set));
        Assert.Null(set);
    }

    [Fact]
    public void TryParse_ReturnsFalse_ForDeepNesting()
    {
        var json = """{"keys":[],"x":""" + new string('[', 1000) + new string(']', 1000) + "}";

        Assert.False(JsonWebKeySet.TryParse(json, out _));
    }

    public static TheoryData<string> BadKeys()
    {
        var jwk = First.PublicJwk;
        var y = Base64Url.DecodeFromChars(jwk.Y);
        y[0] ^= 1;
        return new TheoryData<string>
        {
            Jwk(jwk).Replace("\"kty\"", "\"d\":\"AAAA\",\"kty\"", StringComparison.Ordinal),
            Jwk(jwk with { Y = Base64Url.EncodeToString(y) }),
            Jwk(jwk with { X = jwk.X[..^2] }),
            Jwk(jwk with { X = jwk.X + "=" }),
            Jwk(jwk with { Kid = "" }),
            Jwk(jwk).Replace($",\"kid\":\"{jwk.Kid}\"", "", StringComparison.Ordinal),
            Jwk(jwk).Replace("\"sig\"", "7", StringComparison.Ordinal),
            Jwk(jwk).Replace("\"kid\"", "\"kid\":\"a\",\"kid\"", StringComparison.Ordinal),
            Jwk(jwk) + "," + Jwk(Second.PublicJwk with { Kid = jwk.Kid }),
            Jwk(Ed25519 with { X = "AA" }),
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void TryParse_ReturnsFalse_ForPrivateMaterialInvalidPointsOrAmbiguousKids(string keys)
    {
        Assert.False(JsonWebKeySet.TryParse($$"""{"keys":[{{keys}}]}""", out var set));
        Assert.Null(set);
    }

    [Fact]
    public void Find_ReturnsOnlyAnExactOrdinalKidMatch()
    {
        var set = new JsonWebKeySet([First.PublicJwk, Second.PublicJwk]);

        Assert.Same(Second.PublicJwk, set.Find(Second.KeyId));
        Assert.Null(set.Find(Second.KeyId.ToUpperInvariant() == Second.KeyId ? Second.KeyId.ToLowerInvariant() : Second.KeyId.ToUpperInvariant()));
        Assert.Null(set.Find(""));
    }

    private static string Jwk(JsonWebKey key) =>
        $$"""{"kty":"{{key.Kty}}","crv":"{{key.Crv}}","x":"{{key.X}}"{{(key.Y is null ? "" : $",\"y\":\"{key.Y}\"")}},"kid":"{{key.Kid}}","use":"sig"{{(key.Alg is null ? "" : $",\"alg\":\"{key.Alg}\"")}}}""";
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataGateway.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.IntegrationTests;

/// <summary>
/// The JWT matrix of RELIABILITY.md G1: every token that is not exactly what the gateway
/// expects is refused with 401 and a Bearer challenge, and nothing reaches a node.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Issuer = "https://datagateway.dev/dev-issuer";
    private const string Audience = "datagateway";
    private StubNode _node = null!;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await StubNode.StartAsync();
        _harness = await GatewayHarness.StartAsync(stub: _node);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _node.DisposeAsync();
    }

    public static TheoryData<string> ForgedTokens() =>
    [
        "expired",
        "not yet valid",
        "wrong issuer",
        "wrong audience",
        "no audience",
        "typ JWT instead of at+jwt",
        "signed by another key",
        "unknown kid",
        "kid with path traversal",
        "HS256 keyed with the public key",
        "alg none",
        "signature stripped",
        "jku header",
        "x5u header",
        "jwk header",
        "kid with SQL characters",
        "JWE with zip DEF",
        "oversized",
    ];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Verify_Returns401AndForwardsNothing_ForForgedOrMisfitTokens(string kind)
    {
        var token = Forge(kind);
        using var response = await _harness.Client.SendAsync(
            _harness.PostRaw("/v1/verifications", $$"""{"subject":"{{GroundTruth.All[0].Uscc}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token),
            TestContext.Current.CancellationToken);

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{kind}: {(int)response.StatusCode}");
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(_node.Requests);
    }

    [Fact]
    public async Task Verify_IgnoresATokenInTheQueryString()
    {
        var token = _harness.TokenFor();
        using var request = _harness.PostRaw("/v1/verifications?access_token=" + token, "{}", token: null);
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Verify_Refuses401_WhenAValidHeaderTokenComesWithASecondTokenInTheQuery()
    {
        // RFC 6750 §2: a client uses one method; two tokens are ambiguous, so neither is honoured.
        var token = _harness.TokenFor();
        using var request = _harness.PostRaw("/v1/verifications?access_token=" + _harness.TokenFor(institution: "bank-002"), "{}", token);
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_node.Requests);
    }

    [Fact]
    public async Task ControlToken_MintedTheSameWay_IsAccepted()
    {
        // Proves the matrix refuses for the reason named, not because the minting is broken.
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", "{}", Forge("valid")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Forge(string kind)
    {
        var now = DateTime.UtcNow;
        using var signing = ECDsa.Create();
        signing.ImportFromPem(TestMaterial.Keys.TokenSigningKey.ExportPrivateKeyPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(kind == "signed by another key" ? other : signing)
        {
            KeyId = kind switch
            {
                "unknown kid" => "no-such-key",
                "kid with path traversal" => "../../certs-dev/token-signing.key.pem",
                "kid with SQL characters" => "x' OR '1'='1'; DROP TABLE audit_entries;--",
                _ => TestMaterial.Keys.TokenSigningKey.KeyId,
            },
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var claims = new Dictionary<string, object> { ["sub"] = "dev-bank-001", ["role"] = "institution", ["inst"] = "bank-001" };
        if (kind == "oversized")
        {
            claims["pad"] = new string('x', 20 * 1024);
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == "wrong issuer" ? "https://evil.example/issuer" : Issuer,
            Audience = kind switch { "wrong audience" => "another-service", "no audience" => null, _ => Audience },
            TokenType = kind == "typ JWT instead of at+jwt" ? "JWT" : "at+jwt",
            Claims = claims,
            IssuedAt = kind == "expired" ? now.AddHours(-2) : now,
            NotBefore = kind switch { "expired" => now.AddHours(-2), "not yet valid" => now.AddSeconds(61), _ => now },
            Expires = kind switch { "expired" => now.AddSeconds(-31), "not yet valid" => now.AddHours(1), _ => now.AddHours(1) },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            AdditionalHeaderClaims = kind switch
            {
                "jku header" => new Dictionary<string, object> { ["jku"] = "https://evil.example/jwks.json" },
                "x5u header" => new Dictionary<string, object> { ["x5u"] = "https://evil.example/cert.pem" },
                "jwk header" => new Dictionary<string, object>
                {
                    ["jwk"] = new Dictionary<string, object> { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url(new string('x', 32)), ["y"] = Base64Url(new string('y', 32)) },
                },
                _ => null,
            },
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(descriptor);
        return kind switch
        {
            "HS256 keyed with the public key" => HmacConfusion(token),
            "alg none" => Resign(token, """{"alg":"none","typ":"at+jwt"}""", signature: string.Empty),
            "signature stripped" => token[..(token.LastIndexOf('.') + 1)],
            // A compressed JWE (five parts): never decrypted or inflated, since no decryption key is configured.
            "JWE with zip DEF" => Base64Url("""{"alg":"dir","enc":"A256GCM","zip":"DEF","typ":"at+jwt"}""") + "..AAAAAAAAAAAAAAAA." +
                System.Buffers.Text.Base64Url.EncodeToString(new byte[4096]) + ".AAAAAAAAAAAAAAAAAAAAAA",
            _ => token,
        };
    }

    // The classic algorithm-confusion forgery: HS256 with the issuer's public key as the secret.
    private static string HmacConfusion(string token)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"at+jwt","kid":"__KID__"}""".Replace("__KID__", TestMaterial.Keys.TokenSigningKey.KeyId, StringComparison.Ordinal));
        var payload = token.Split('.')[1];
        var secret = Encoding.ASCII.GetBytes(TestMaterial.Keys.TokenSigningKey.ExportPublicKeyPem());
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + System.Buffers.Text.Base64Url.EncodeToString(mac);
    }

    private static string Resign(string token, string headerJson, string signature) =>
        Base64Url(headerJson) + "." + token.Split('.')[1] + "." + signature;

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}

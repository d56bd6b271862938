using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Signing;
using DataGateway.Gateway.Authentication;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Client.Tests.Cli;

public sealed class DevTokenMinterTests : IDisposable
{
    private const string ValidUscc = "91350100M000100Y43";

    private readonly EcSigningKey _key = EcSigningKey.Generate();

    // Validation reads the real clock, so the minting clock starts at the real "now" and is then fixed.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Mint_ProducesATokenTheGatewaySettingsAccept_WhenRoleIsInstitution()
    {
        var token = DevTokenMinter.Mint(_key, "institution", "bank-001", null, TimeSpan.FromHours(1), _time);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, GatewayParameters(_key));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("institution", result.Claims["role"]);
        Assert.Equal("bank-001", result.Claims["inst"]);
        Assert.Equal("dev-bank-001", result.Claims["sub"]);
        Assert.False(result.Claims.ContainsKey("uscc"));
    }

    [Fact]
    public void Mint_WritesES256AtJwtAndTheThumbprintKid_InTheHeader()
    {
        var token = new JsonWebToken(DevTokenMinter.Mint(_key, "auditor", null, null, TimeSpan.FromMinutes(5), _time));

        Assert.Equal("ES256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(_key.KeyId, token.Kid);
        Assert.Equal("https://datagateway.dev/dev-issuer", token.Issuer);
        Assert.Equal(["datagateway"], token.Audiences);
    }

    [Fact]
    public void Mint_SetsExpiryFromTheInjectedClock_WhenTtlIsGiven()
    {
        var token = new JsonWebToken(DevTokenMinter.Mint(_key, "admin", null, null, TimeSpan.FromMinutes(15), _time));

        Assert.Equal(_time.GetUtcNow().UtcDateTime, token.IssuedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task Mint_CarriesTheUscc_WhenRoleIsOwner()
    {
        var token = DevTokenMinter.Mint(_key, "owner", null, ValidUscc, TimeSpan.FromHours(1), _time, subject: "owner-7");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, GatewayParameters(_key));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(ValidUscc, result.Claims["uscc"]);
        Assert.Equal("owner-7", result.Claims["sub"]);
    }

    [Fact]
    public async Task Mint_ProducesATokenTheGatewayRefuses_WhenAnotherKeySignedIt()
    {
        using var other = EcSigningKey.Generate();
        var token = DevTokenMinter.Mint(other, "admin", null, null, TimeSpan.FromHours(1), _time);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, GatewayParameters(_key));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Mint_ProducesATokenTheGatewayRefusesAsExpired_WhenTheTtlHasPassed()
    {
        var twoHoursAgo = new FakeTimeProvider(_time.GetUtcNow() - TimeSpan.FromHours(2));
        var token = DevTokenMinter.Mint(_key, "admin", null, null, TimeSpan.FromHours(1), twoHoursAgo);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, GatewayParameters(_key));

        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Theory]
    [InlineData("root", null, null)]
    [InlineData("Institution", "bank-001", null)]
    [InlineData("institution", null, null)]
    [InlineData("institution", " ", null)]
    [InlineData("owner", null, null)]
    [InlineData("owner", null, "91350100M000100Y4Z")]
    [InlineData("owner", null, "not-a-code")]
    public void Mint_Throws_WhenRoleAndClaimsDoNotFit(string role, string? institution, string? uscc)
    {
        Assert.NotNull(DevTokenMinter.Validate(role, institution, uscc, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => DevTokenMinter.Mint(_key, role, institution, uscc, TimeSpan.FromHours(1), _time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(31 * 24 * 3600)]
    public void Validate_Refuses_WhenTheLifetimeIsOutOfRange(int seconds)
    {
        Assert.NotNull(DevTokenMinter.Validate("admin", null, null, TimeSpan.FromSeconds(seconds)));
    }

    /// <summary>
    /// The gateway's JwtSetup parameters. The validation key carries the RFC 7638 thumbprint as its
    /// KeyId: with TryAllIssuerSigningKeys off, IdentityModel selects the key by kid and finds none otherwise.
    /// </summary>
    internal static TokenValidationParameters GatewayParameters(EcSigningKey key)
    {
        var signingKey = TokenValidationKeys.FromPublicPem(key.ExportPublicKeyPem());
        signingKey.KeyId = key.KeyId;
        return new TokenValidationParameters
        {
            ValidIssuer = TokenSettings.DevelopmentIssuer,
            ValidAudience = TokenSettings.DefaultAudience,
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [TokenSettings.Algorithm],
            ValidTypes = [TokenSettings.TokenType],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }
}

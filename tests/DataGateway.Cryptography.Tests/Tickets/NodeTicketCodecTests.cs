using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Cryptography.Tests.Tickets;

public sealed class NodeTicketCodecTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Body = """{"subject":"91350100M000100Y43","checks":["tax.paid12mAtLeast"]}"""u8.ToArray();
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly NodeTicketCodec _codec = new(Secret);

    [Fact]
    public void Validate_ReturnsNoneAndTheTicket_ForAnIssuedTicket()
    {
        var issued = Ticket("node-a");

        var error = _codec.Validate(_codec.Issue(issued), "node-a", Body, _time.GetUtcNow(), Skew, out var ticket);

        Assert.Equal(TicketError.None, error);
        Assert.Equal(issued, ticket);
    }

    [Fact]
    public void Validate_CarriesTheConsentClaim_AndOmitsItWhenThereIsNone()
    {
        var withConsent = Ticket("node-a") with { Consent = "cns_abc" };
        var token = _codec.Issue(withConsent);

        Assert.Equal(TicketError.None, _codec.Validate(token, "node-a", Body, _time.GetUtcNow(), Skew, out var ticket));
        Assert.Equal("cns_abc", ticket!.Consent);
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Contains("\"cns\":\"cns_abc\"", claims, StringComparison.Ordinal);
        var without = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(_codec.Issue(Ticket("node-a")).Split('.')[1]));
        Assert.DoesNotContain("cns", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesEverySingleCharacterChange()
    {
        var token = _codec.Issue(Ticket("node-a"));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != token[i]))
            {
                var tampered = string.Concat(token.AsSpan(0, i), c.ToString(), token.AsSpan(i + 1));
                var error = _codec.Validate(tampered, "node-a", Body, _time.GetUtcNow(), Skew, out var ticket);
                Assert.True(error != TicketError.None, $"position {i} char '{c}' accepted");
                Assert.Null(ticket);
            }
        }
    }

    [Fact]
    public void Validate_ReturnsWrongNode_WhenTheNamedNodeDiffersButTheKeyMatches()
    {
        // A MAC under node-b's key over a ticket naming node-a: only the audience check can refuse it.
        var forged = Forge(Ticket("node-a"), NodeKey("node-b"));

        Assert.Equal(TicketError.WrongNode, _codec.Validate(forged, "node-b", Body, _time.GetUtcNow(), Skew, out _));
    }

    [Fact]
    public void Validate_ReturnsBadSignature_WhenNodeAPresentsItsTicketToNodeB()
    {
        var token = _codec.Issue(Ticket("node-a"));

        Assert.Equal(TicketError.BadSignature, _codec.Validate(token, "node-b", Body, _time.GetUtcNow(), Skew, out _));
    }

    [Fact]
    public void Validate_ReturnsBadSignature_WhenNodeAMintsATicketForNodeBWithItsOwnKey()
    {
        var forged = Forge(Ticket("node-b"), NodeKey("node-a"));

        Assert.Equal(TicketError.BadSignature, _codec.Validate(forged, "node-b", Body, _time.GetUtcNow(), Skew, out _));
    }

    [Fact]
    public void NodeVerifier_WithOnlyItsDerivedKey_AcceptsItsTicketsAndRefusesOthers()
    {
        var nodeA = new NodeTicketVerifier("node-a", NodeTicketCodec.DeriveNodeKey(Secret, "node-a"));

        Assert.Equal(TicketError.None, nodeA.Validate(_codec.Issue(Ticket("node-a")), Body, _time.GetUtcNow(), Skew, out _));
        Assert.Equal(TicketError.BadSignature, nodeA.Validate(_codec.Issue(Ticket("node-b")), Body, _time.GetUtcNow(), Skew, out _));
        Assert.NotEqual(NodeTicketCodec.DeriveNodeKey(Secret, "node-a"), NodeTicketCodec.DeriveNodeKey(Secret, "node-b"));
        Assert.Throws<ArgumentException>(() => new NodeTicketVerifier("node-a", new byte[16]));
    }

    [Fact]
    public void Validate_RespectsSkewExactlyAtTheExpiryBoundary()
    {
        var issued = Ticket("node-a");
        var token = _codec.Issue(issued);

        Assert.Equal(TicketError.None, _codec.Validate(token, "node-a", Body, issued.ExpiresAt + Skew, Skew, out _));
        Assert.Equal(TicketError.Expired, _codec.Validate(token, "node-a", Body, issued.ExpiresAt + Skew + TimeSpan.FromMilliseconds(1), Skew, out var ticket));
        Assert.Null(ticket);
    }

    [Fact]
    public void Validate_ReturnsExpired_WhenIssuedFurtherInTheFutureThanTheSkew()
    {
        var issued = Ticket("node-a");
        var token = _codec.Issue(issued);

        Assert.Equal(TicketError.None, _codec.Validate(token, "node-a", Body, issued.IssuedAt - Skew, Skew, out _));
        Assert.Equal(TicketError.Expired, _codec.Validate(token, "node-a", Body, issued.IssuedAt - Skew - TimeSpan.FromMilliseconds(1), Skew, out _));
    }

    [Fact]
    public void Validate_ReturnsQueryMismatch_WhenTheBodyDiffers()
    {
        var token = _codec.Issue(Ticket("node-a"));
        var other = (byte[])Body.Clone();
        other[^3] ^= 1;

        Assert.Equal(TicketError.QueryMismatch, _codec.Validate(token, "node-a", other, _time.GetUtcNow(), Skew, out _));
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"dg-ticket+jwt"}""")]
    [InlineData("""{"alg":"HS512","typ":"dg-ticket+jwt"}""")]
    [InlineData("""{"typ":"dg-ticket+jwt","alg":"HS256"}""")]
    [InlineData("""{"alg":"HS256","typ":"dg-ticket+jwt","kid":"x"}""")]
    public void Validate_ReturnsBadSignature_ForAnyOtherHeader(string header)
    {
        var parts = _codec.Issue(Ticket("node-a")).Split('.');
        var headerSegment = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header));
        var remac = Base64Url.EncodeToString(HMACSHA256.HashData(NodeKey("node-a"), Encoding.ASCII.GetBytes(headerSegment + "." + parts[1])));

        Assert.Equal(TicketError.BadSignature, _codec.Validate($"{headerSegment}.{parts[1]}.{parts[2]}", "node-a", Body, _time.GetUtcNow(), Skew, out _));
        Assert.Equal(TicketError.BadSignature, _codec.Validate($"{headerSegment}.{parts[1]}.", "node-a", Body, _time.GetUtcNow(), Skew, out _));
        Assert.Equal(TicketError.BadSignature, _codec.Validate($"{headerSegment}.{parts[1]}.{remac}", "node-a", Body, _time.GetUtcNow(), Skew, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    public void Validate_ReturnsMalformed_ForTokensThatAreNotThreeSegments(string? token) =>
        Assert.Equal(TicketError.Malformed, _codec.Validate(token, "node-a", Body, _time.GetUtcNow(), Skew, out _));

    [Fact]
    public void Validate_ReturnsMalformed_WhenAValidlyMacedPayloadHasAnUnknownClaim()
    {
        var json = """{"aud":"node-a","qh":"x","inst":"i","sub":"s","pur":"p","kind":"k","iat":0,"exp":0,"jti":"j","admin":true}""";

        Assert.Equal(TicketError.Malformed, _codec.Validate(ForgeRaw(json, NodeKey("node-a")), "node-a", Body, _time.GetUtcNow(), Skew, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Constructor_Throws_WhenSecretIsShorterThan32Bytes(int length) =>
        Assert.Throws<ArgumentException>(() => new NodeTicketCodec(new byte[length]));

    private NodeTicket Ticket(string node)
    {
        var now = _time.GetUtcNow();
        return new NodeTicket(node, NodeTicketCodec.HashQuery(Body), "bank-a", "91350100M000100Y43", "credit-approval", "verify",
            now, now.AddSeconds(30), "tkt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
    }

    // Mirrors the documented derivation (HKDF-SHA256, node id as info) to play a node that holds its own key.
    private static byte[] NodeKey(string node) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Secret, 32, salt: "datagateway-node-ticket"u8.ToArray(), info: Encoding.UTF8.GetBytes(node));

    private static string Forge(NodeTicket t, byte[] key) => ForgeRaw(
        $$"""{"aud":"{{t.Node}}","qh":"{{t.QueryHash}}","inst":"{{t.Institution}}","sub":"{{t.Subject}}","pur":"{{t.Purpose}}","kind":"{{t.Kind}}","iat":{{t.IssuedAt.ToUnixTimeMilliseconds()}},"exp":{{t.ExpiresAt.ToUnixTimeMilliseconds()}},"jti":"{{t.Id}}"}""",
        key);

    private static string ForgeRaw(string payloadJson, byte[] key)
    {
        var signingInput = Base64Url.EncodeToString("""{"alg":"HS256","typ":"dg-ticket+jwt"}"""u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.Cryptography.Tickets;

/// <summary>
/// Issues and checks node tickets as compact JWS (RFC 7515) with HS256 under a per-node key.
/// </summary>
/// <remarks>
/// Why a MAC and not a signature: a node that holds its own key can mint tickets only for
/// itself, and it already holds the raw data, so asymmetric tickets would buy nothing while
/// costing an ECDSA verify per request. Each node's key is derived by HKDF-SHA256 from the
/// gateway's ticket master secret with the node id as info, so nodes cannot forge tickets for
/// one another.
/// </remarks>
public sealed class NodeTicketCodec
{
    /// <summary>Smallest master secret accepted.</summary>
    public const int MinimumSecretSizeInBytes = 32;

    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(
        Base64Url.EncodeToString("""{"alg":"HS256","typ":"dg-ticket+jwt"}"""u8));

    private readonly byte[] _masterSecret;

    /// <summary>Creates a codec over the gateway's ticket master secret.</summary>
    public NodeTicketCodec(ReadOnlySpan<byte> masterSecret)
    {
        if (masterSecret.Length < MinimumSecretSizeInBytes)
        {
            throw new ArgumentException($"The ticket secret must be at least {MinimumSecretSizeInBytes} bytes.", nameof(masterSecret));
        }

        _masterSecret = masterSecret.ToArray();
    }

    /// <summary>Base64url SHA-256 of a request body: what a ticket binds.</summary>
    public static string HashQuery(ReadOnlySpan<byte> body) => Base64Url.EncodeToString(SHA256.HashData(body));

    /// <summary>Issues a compact ticket for <paramref name="ticket"/>.</summary>
    public string Issue(NodeTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(TicketPayload.From(ticket), TicketJson.Default.TicketPayload));
        var signingInput = Encoding.ASCII.GetString(HeaderSegment) + "." + payload;
        var mac = HMACSHA256.HashData(NodeKey(ticket.Node), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>
    /// Checks a ticket for <paramref name="node"/> against the exact body it came with.
    /// Replay protection is the caller's (see <see cref="TicketReplayCache"/>).
    /// </summary>
    public TicketError Validate(string? token, string node, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan skew, out NodeTicket? ticket)
    {
        ticket = null;
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return TicketError.Malformed;
        }

        // Only our exact header is accepted: no alg negotiation, no key hints.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), HeaderSegment))
        {
            return TicketError.BadSignature;
        }

        Span<byte> mac = stackalloc byte[64];
        if (!Base64Url.TryDecodeFromChars(parts[2], mac, out var macLength) || macLength != 32)
        {
            return TicketError.BadSignature;
        }

        var expected = HMACSHA256.HashData(NodeKey(node), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, mac[..macLength]))
        {
            return TicketError.BadSignature;
        }

        TicketPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), TicketJson.Default.TicketPayload);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TicketError.Malformed;
        }

        if (payload?.ToTicket() is not { } parsed)
        {
            return TicketError.Malformed;
        }

        if (!string.Equals(parsed.Node, node, StringComparison.Ordinal))
        {
            return TicketError.WrongNode;
        }

        if (now > parsed.ExpiresAt + skew || now + skew < parsed.IssuedAt)
        {
            return TicketError.Expired;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parsed.QueryHash), Encoding.ASCII.GetBytes(HashQuery(body))))
        {
            return TicketError.QueryMismatch;
        }

        ticket = parsed;
        return TicketError.None;
    }

    private byte[] NodeKey(string node) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _masterSecret, 32, salt: "datagateway-node-ticket"u8.ToArray(), info: Encoding.UTF8.GetBytes(node));
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Tickets;

/// <summary>
/// A data node's side of node tickets: holds only that node's derived key, so a compromised
/// node can mint tickets for nobody but itself.
/// </summary>
public sealed class NodeTicketVerifier
{
    /// <summary>Size of a node's ticket key.</summary>
    public const int KeySizeInBytes = 32;

    private readonly string _node;
    private readonly byte[] _nodeKey;

    /// <summary>Creates the verifier of node <paramref name="node"/> over its derived key.</summary>
    public NodeTicketVerifier(string node, ReadOnlySpan<byte> nodeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (nodeKey.Length != KeySizeInBytes)
        {
            throw new ArgumentException($"A node ticket key is {KeySizeInBytes} bytes.", nameof(nodeKey));
        }

        _node = node;
        _nodeKey = nodeKey.ToArray();
    }

    /// <summary>
    /// Checks a ticket against the exact body it came with. Replay protection is the caller's
    /// (see <see cref="TicketReplayCache"/>).
    /// </summary>
    public TicketError Validate(string? token, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan skew, out NodeTicket? ticket)
    {
        ticket = null;
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return TicketError.Malformed;
        }

        // Only our exact header is accepted: no alg negotiation, no key hints.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), NodeTicketCodec.Header))
        {
            return TicketError.BadSignature;
        }

        // Canonical decoding only: the runtime decoder ignores the unused low bits of the last
        // character, so without this one MAC had several spellings and a ticket id check keyed
        // on the token text could be sidestepped.
        if (!Base64UrlCanonical.TryDecode(parts[2], out var mac) || mac.Length != 32)
        {
            return TicketError.BadSignature;
        }

        var expected = HMACSHA256.HashData(_nodeKey, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
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

        if (!string.Equals(parsed.Node, _node, StringComparison.Ordinal))
        {
            return TicketError.WrongNode;
        }

        if (now > parsed.ExpiresAt + skew || now + skew < parsed.IssuedAt)
        {
            return TicketError.Expired;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parsed.QueryHash), Encoding.ASCII.GetBytes(NodeTicketCodec.HashQuery(body))))
        {
            return TicketError.QueryMismatch;
        }

        ticket = parsed;
        return TicketError.None;
    }
}

using System.Buffers.Text;
using System.Collections.Concurrent;
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
/// gateway's ticket master secret with the node id as info; a node is given only its own key
/// (<see cref="NodeTicketVerifier"/>), so nodes cannot forge tickets for one another.
/// </remarks>
public sealed class NodeTicketCodec
{
    /// <summary>Smallest master secret accepted.</summary>
    public const int MinimumSecretSizeInBytes = 32;

    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(
        Base64Url.EncodeToString("""{"alg":"HS256","typ":"dg-ticket+jwt"}"""u8));

    private readonly byte[] _masterSecret;
    private readonly ConcurrentDictionary<string, byte[]> _nodeKeys = new(StringComparer.Ordinal);

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
    /// Checks a ticket for <paramref name="node"/> against the exact body it came with, as that
    /// node's <see cref="NodeTicketVerifier"/> would.
    /// </summary>
    public TicketError Validate(string? token, string node, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan skew, out NodeTicket? ticket) =>
        VerifierFor(node).Validate(token, body, now, skew, out ticket);

    /// <summary>The verifier a node holds: its own key only, never the master secret.</summary>
    public NodeTicketVerifier VerifierFor(string node) => new(node, NodeKey(node));

    /// <summary>
    /// Derives one node's ticket key: what an operator hands that node (HKDF-SHA256, node id as info).
    /// </summary>
    public static byte[] DeriveNodeKey(ReadOnlySpan<byte> masterSecret, string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var key = new byte[NodeTicketVerifier.KeySizeInBytes];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterSecret, key, salt: "datagateway-node-ticket"u8, info: Encoding.UTF8.GetBytes(node));
        return key;
    }

    /// <summary>The compact header every ticket carries; verifiers accept exactly this one.</summary>
    internal static ReadOnlySpan<byte> Header => HeaderSegment;

    // Derived once per node: HKDF on every request would be wasted work on the hot path.
    private byte[] NodeKey(string node) => _nodeKeys.GetOrAdd(node, static (id, master) => DeriveNodeKey(master, id), _masterSecret);
}

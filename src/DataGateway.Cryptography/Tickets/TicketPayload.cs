using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Cryptography.Tickets;

/// <summary>JWT claim names of a node ticket (RFC 7519 registered names where one fits).</summary>
internal sealed record TicketPayload(
    [property: JsonPropertyName("aud")] string? Node,
    [property: JsonPropertyName("qh")] string? QueryHash,
    [property: JsonPropertyName("inst")] string? Institution,
    [property: JsonPropertyName("sub")] string? Subject,
    [property: JsonPropertyName("pur")] string? Purpose,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("jti")] string? Id,
    [property: JsonPropertyName("cns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Consent = null)
{
    public static TicketPayload From(NodeTicket t) => new(
        t.Node, t.QueryHash, t.Institution, t.Subject, t.Purpose, t.Kind,
        t.IssuedAt.ToUnixTimeMilliseconds(), t.ExpiresAt.ToUnixTimeMilliseconds(), t.Id, t.Consent);

    public NodeTicket? ToTicket() =>
        Node is null || QueryHash is null || Institution is null || Subject is null || Purpose is null || Kind is null || Id is null
            ? null
            : new NodeTicket(Node, QueryHash, Institution, Subject, Purpose, Kind,
                DateTimeOffset.FromUnixTimeMilliseconds(IssuedAt), DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt), Id, Consent);
}

/// <summary>Source-generated, strict JSON for ticket payloads: unknown claims are refused.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TicketPayload))]
internal sealed partial class TicketJson : JsonSerializerContext;

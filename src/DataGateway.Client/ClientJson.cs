using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataGateway.Client;

/// <summary>The JSON conventions of API.md: web defaults (camelCase), nulls omitted.</summary>
internal static class ClientJson
{
    /// <summary>Options for requests and responses.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // A signed payload with a member twice could be read one way here and another way by
        // a different verifier; refuse it (RFC 8259 §4 leaves duplicates undefined).
        AllowDuplicateProperties = false,

        // A member declared non-nullable that arrives as null is a malformed document, not a value.
        RespectNullableAnnotations = true,
    };
}

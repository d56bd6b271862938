using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Scoring;

namespace DataGateway.Node.Scoring;

/// <summary>
/// Strict JSON for the score endpoint, like <c>NodeJson</c>: unknown, missing-required, null-where-not-nullable
/// and duplicate members are refused; a per-subject answer omits the member it does not carry.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NodeScoreRequest))]
[JsonSerializable(typeof(NodeScoreResponse))]
internal sealed partial class NodeScoreJson : JsonSerializerContext;

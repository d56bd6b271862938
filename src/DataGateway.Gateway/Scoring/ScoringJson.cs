using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Scoring;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Source-generated JSON for the model and score APIs and the node's score contract. Strict on input like
/// <c>GatewayJson</c> (RELIABILITY.md G4): unknown members and duplicate keys are refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelRegistrationRequest))]
[JsonSerializable(typeof(ModelView))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(BatchScoreRequest))]
[JsonSerializable(typeof(ScoreResponse))]
[JsonSerializable(typeof(BatchScoreResponse))]
[JsonSerializable(typeof(NodeScoreRequest))]
[JsonSerializable(typeof(NodeScoreResponse))]
internal sealed partial class ScoringJson : JsonSerializerContext;

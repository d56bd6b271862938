using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// Source-generated JSON of the aggregate API and its node calls. Strict on input
/// (RELIABILITY.md G4): unknown members and duplicate keys are refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    PropertyNameCaseInsensitive = false,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AggregateRequestBody))]
[JsonSerializable(typeof(AggregateResponse))]
[JsonSerializable(typeof(AggregateGroup[]))]
[JsonSerializable(typeof(NodeAggregateRequest))]
[JsonSerializable(typeof(NodeAggregateResponse))]
internal sealed partial class AggregateJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Node.Hosting;

/// <summary>
/// Strict, source-generated JSON for the node's contract: unknown members, missing required
/// members, nulls where the contract has none, and duplicate members are all refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(NodeVerificationRequest))]
[JsonSerializable(typeof(NodeVerificationResponse))]
[JsonSerializable(typeof(NodeAggregateRequest))]
[JsonSerializable(typeof(NodeAggregateResponse))]
internal sealed partial class NodeJson : JsonSerializerContext;

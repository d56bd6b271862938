using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Consent;

/// <summary>
/// Source-generated JSON for the consent and owner APIs. Strict on input like the verification
/// path (RELIABILITY.md G4): unknown members and duplicate keys are refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsentRequest))]
[JsonSerializable(typeof(ConsentView))]
[JsonSerializable(typeof(ConsentList))]
[JsonSerializable(typeof(AccessLogPage))]
internal sealed partial class ConsentJson : JsonSerializerContext;

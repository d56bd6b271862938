using System.Text.Json;
using System.Text.Json.Serialization;
using DataGateway.Core.Contracts;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// Source-generated JSON for everything the gateway reads or writes: verification, consent and owner APIs.
/// Strict on input (RELIABILITY.md G4): unknown members and duplicate keys are refused.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VerificationRequest))]
[JsonSerializable(typeof(VerificationResponse))]
[JsonSerializable(typeof(NodeVerificationRequest))]
[JsonSerializable(typeof(NodeVerificationResponse))]
[JsonSerializable(typeof(AttestationPayload))]
[JsonSerializable(typeof(ReceiptPayload))]
[JsonSerializable(typeof(ConsentRequest))]
[JsonSerializable(typeof(ConsentView))]
[JsonSerializable(typeof(ConsentList))]
[JsonSerializable(typeof(AccessLogPage))]
internal sealed partial class GatewayJson : JsonSerializerContext;

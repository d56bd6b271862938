using System.Text.Json.Serialization;

namespace DataGateway.Gateway.Verification;

/// <summary>Source-generated JSON for the scalar parameter values the gateway writes.</summary>
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class GatewayScalarJson : JsonSerializerContext;

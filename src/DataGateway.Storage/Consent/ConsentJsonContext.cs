using System.Text.Json.Serialization;

namespace DataGateway.Storage.Consent;

/// <summary>Encodes a grant's lists as JSON arrays in their columns (a policy id may contain any character).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class ConsentJsonContext : JsonSerializerContext;

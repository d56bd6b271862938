using System.Text.Json.Serialization;

namespace DataGateway.Storage.Audit;

/// <summary>Source-generated JSON for the predicates column (trimming-safe, no reflection).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

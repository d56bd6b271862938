using System.Text.Json;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// The wire shape of <c>POST /v1/aggregates</c> as the gateway reads it. Epsilon stays a raw JSON
/// element so it is parsed exactly from its text (a string "0.1" is refused, 1e-30 is not rounded to 0).
/// </summary>
internal sealed class AggregateRequestBody
{
    public string? Metric { get; set; }

    public string? Field { get; set; }

    public List<string>? GroupBy { get; set; }

    public Dictionary<string, List<string>>? Filter { get; set; }

    public JsonElement? Epsilon { get; set; }

    public string? Purpose { get; set; }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace DataGateway.Client;

/// <summary>The members of an RFC 9457 problem document the client reads.</summary>
internal sealed record ProblemDocument
{
    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Code { get; init; }

    public string? Detail { get; init; }

    /// <summary>Reads a problem; null when the body is not one (the status alone is then reported).</summary>
    public static async Task<ProblemDocument?> TryReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadFromJsonAsync<ProblemDocument>(ClientJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Net.Http.Headers;
using System.Text.Json;

namespace DataGateway.Cli.Audit;

/// <summary>The few auditor calls <c>dg audit</c> makes, with problems turned into one readable message.</summary>
internal static class AuditHttp
{
    /// <summary>Sends an authenticated GET; the caller owns the response.</summary>
    /// <exception cref="InvalidDataException">The gateway refused (the problem's code is in the message).</exception>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, string token, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var code = "unknown";
            try
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() ?? code : code;
            }
            catch (JsonException)
            {
                // Not a problem document: the status says enough.
            }

            throw new InvalidDataException($"refused: {(int)response.StatusCode} {code} ({path.Split('?')[0]})");
        }
    }

    /// <summary>GETs a JSON document.</summary>
    public static async Task<JsonDocument> GetJsonAsync(HttpClient http, string token, string path, CancellationToken ct)
    {
        using var response = await GetAsync(http, token, path, ct);
        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path.Split('?')[0]}: the gateway's answer is not JSON.", e);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// One closed-loop client of the crash and shutdown tests: verifications with a unique client request
/// id each, until stopped. Answers fully read with 200 are acknowledged (request id → audit entry index);
/// every status seen is counted; a request the process dropped mid-way is ambiguous, not lost.
/// </summary>
public static class VerificationLoad
{
    public static async Task RunAsync(
        HttpClient client, string token, int worker, ConcurrentDictionary<string, long> acknowledged, ConcurrentDictionary<int, int> statuses, CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var requestId = Guid.NewGuid().ToString("N");
            var subject = GroundTruth.All[(worker * 7919 + i++) % GroundTruth.All.Count].Uscc;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/verifications")
            {
                Content = JsonContent.Create(new { subject, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } }),
            };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Add("X-Client-Request-Id", requestId);
            try
            {
                using var response = await client.SendAsync(request, stop);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var answer = await response.Content.ReadFromJsonAsync<VerificationResponse>(stop);
                    acknowledged[requestId] = answer!.Receipt.EntryIndex; // fully read: this answer was released
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or IOException)
            {
                // Ambiguous (the process went away mid-request), not lost: only acknowledged answers are checked.
            }
        }
    }
}

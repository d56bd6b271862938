using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// For tests that are not about consent: before a verification is sent, the subject's owner grants
/// the asking institution consent for that purpose through the real owner API (POST /v1/consents),
/// once per (subject, institution, purpose). Consent tests start the harness without it.
/// </summary>
internal sealed class AutoConsentHandler(GatewayHarness harness) : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _granted = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/v1/verifications" && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            if (Target(body, request.Headers.Authorization) is { } target)
            {
                var grant = _granted.GetOrAdd(string.Join('|', target.Subject, target.Institution, target.Purpose), _ => new Lazy<Task>(() => GrantAsync(request.RequestUri!, target)));
                await grant.Value;
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task GrantAsync(Uri gateway, (string Subject, string Institution, string Purpose) target)
    {
        using var grant = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/v1/consents"))
        {
            Content = JsonContent.Create(new
            {
                institution = target.Institution,
                purposes = new[] { target.Purpose },
                scopes = new[] { "verify" },
                expiresAt = harness.Time.GetUtcNow().AddDays(300),
            }),
        };
        grant.Headers.Authorization = new AuthenticationHeaderValue("Bearer", harness.TokenFor("owner", uscc: target.Subject));
        using var response = await base.SendAsync(grant, CancellationToken.None);
        // A refused grant (unknown purpose, bad subject...) is fine: the test is about that refusal.
    }

    private static (string Subject, string Institution, string Purpose)? Target(string body, AuthenticationHeaderValue? authorization)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("purpose", out var purpose) || purpose.ValueKind != JsonValueKind.String ||
                purpose.GetString()!.Length > 64 ||
                !DataGateway.Core.Identifiers.Uscc.TryParse(subject.GetString(), out _, out _) ||
                InstitutionOf(authorization) is not { } institution)
            {
                return null;
            }

            return (subject.GetString()!, institution, purpose.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? InstitutionOf(AuthenticationHeaderValue? authorization)
    {
        var parts = authorization?.Parameter?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            using var claims = JsonDocument.Parse(payload);
            return claims.RootElement.TryGetProperty("inst", out var inst) && inst.ValueKind == JsonValueKind.String ? inst.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

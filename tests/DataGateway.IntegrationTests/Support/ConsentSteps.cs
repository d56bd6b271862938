using System.Net;
using System.Text.Json;

namespace DataGateway.IntegrationTests.Support;

/// <summary>Consent tests' steps: owners grant and revoke through the real API; institutions ask; tokens follow the harness clock.</summary>
public static class ConsentSteps
{
    // Tokens follow the real clock: the JWT handler checks lifetimes against it, whatever the gateway's TimeProvider.
    public static string Owner(GatewayHarness harness, string uscc) => harness.TokenFor("owner", uscc: uscc);

    public static string Bank(GatewayHarness harness, string institution = "bank-001") => harness.TokenFor(institution: institution);

    public static object GrantBody(
        GatewayHarness harness, string institution = "bank-001", string[]? purposes = null, string[]? scopes = null, string[]? categories = null,
        int days = 90, int? maxQueries = null) => new
        {
            institution,
            purposes = purposes ?? ["pre-loan"],
            scopes = scopes ?? ["verify"],
            categories,
            expiresAt = harness.Time.GetUtcNow().AddDays(days),
            maxQueries,
        };

    public static async Task<JsonElement> GrantAsync(GatewayHarness harness, string subject, object body)
    {
        using var response = await harness.Client.SendAsync(harness.Post("/v1/consents", body, Owner(harness, subject)), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"grant refused: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> RevokeAsync(GatewayHarness harness, string subject, string id) =>
        await harness.Client.SendAsync(harness.Send(HttpMethod.Delete, "/v1/consents/" + id + "?reason=changed%20bank", Owner(harness, subject)), TestContext.Current.CancellationToken);

    public static HttpRequestMessage Verification(GatewayHarness harness, string subject, string purpose = "pre-loan", string predicate = "ent.active", string institution = "bank-001") =>
        harness.PostRaw("/v1/verifications", $$"""{"subject":"{{subject}}","purpose":"{{purpose}}","checks":[{"predicate":"{{predicate}}"}]}""", Bank(harness, institution));

    public static async Task<HttpResponseMessage> VerifyAsync(GatewayHarness harness, string subject, string purpose = "pre-loan", string predicate = "ent.active", string institution = "bank-001") =>
        await harness.Client.SendAsync(Verification(harness, subject, purpose, predicate, institution), TestContext.Current.CancellationToken);
}

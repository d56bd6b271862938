using System.Net;
using DataGateway.Core.Identifiers;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>Every refusal is a problem+json with its stable code, is audited, and reaches no node.</summary>
public sealed class AdmissionProblemTests : IAsyncLifetime
{
    private static readonly string Subject = GroundTruth.All[0].Uscc;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, string, int, string> BadBodies()
    {
        var subject = GroundTruth.All[0].Uscc;
        var wrong18 = subject[..17] + (subject[17] == '0' ? '1' : '0');
        var first17 = subject[..16] + (subject[16] == '0' ? '1' : '0');
        var wrong17 = first17 + UsccChecks.CodeCheckCharacter(first17);
        string Check(string checks, string purpose = "pre-loan", string? s = null) =>
            $$"""{"subject":"{{s ?? subject}}","purpose":"{{purpose}}","checks":[{{checks}}]}""";
        return new()
        {
            { "malformed json", "{\"subject\":", 400, "invalid_json" },
            { "duplicate member", $$"""{"subject":"{{subject}}","subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", 400, "invalid_json" },
            { "unknown member", $$"""{"subject":"{{subject}}","purpose":"pre-loan","isAdmin":true,"checks":[{"predicate":"ent.active"}]}""", 400, "invalid_json" },
            { "case-variant member", $$"""{"Subject":"{{subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", 400, "invalid_json" },
            { "case-variant duplicate", $$"""{"subject":"{{subject}}","SUBJECT":"91110108PDY00001XU","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", 400, "invalid_json" },
            { "mass assignment", $$"""{"subject":"{{subject}}","purpose":"pre-loan","institutionId":"bank-002","budgetCap":99,"checks":[{"predicate":"ent.active"}]}""", 400, "invalid_json" },
            { "missing checks", $$"""{"subject":"{{subject}}","purpose":"pre-loan"}""", 400, "invalid_request" },
            { "wrong position 18", Check("""{"predicate":"ent.active"}""", s: wrong18), 400, "invalid_subject" },
            { "wrong position 17", Check("""{"predicate":"ent.active"}""", s: wrong17), 400, "invalid_subject" },
            { "unknown predicate", Check("""{"predicate":"tax.exactAmount"}"""), 400, "unknown_predicate" },
            { "off-list amount", Check("""{"predicate":"tax.paid12mAtLeast","params":{"amountCny":300001}}"""), 400, "param_not_allowed" },
            { "missing param", Check("""{"predicate":"tax.paid12mAtLeast"}"""), 400, "param_not_allowed" },
            { "extra param", Check("""{"predicate":"ent.active","params":{"x":1}}"""), 400, "param_not_allowed" },
            { "amount as string", Check("""{"predicate":"tax.paid12mAtLeast","params":{"amountCny":"300000"}}"""), 400, "param_not_allowed" },
            { "off-list grade set", Check("""{"predicate":"tax.gradeIn","params":{"grades":["A","C"]}}"""), 400, "param_not_allowed" },
            { "unknown purpose", Check("""{"predicate":"ent.active"}""", purpose: "marketing"), 400, "unknown_purpose" },
            { "no checks", Check(""), 400, "too_many_checks" },
            { "repeated predicate", Check("""{"predicate":"ent.active"},{"predicate":"ent.active"}"""), 400, "invalid_request" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Verify_RefusesWithStableCode_AndAuditsDenial(string scenario, string json, int status, string code)
    {
        Assert.NotEmpty(scenario);
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, _harness.TokenFor()), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, code);
        var last = AuditReader.ReadAll(_harness.AuditDatabasePath)[^1];
        Assert.Equal("denied", last["decision"]);
        Assert.Equal(code, last["reason"]);
        Assert.Equal("bank-001", last["institution"]);
    }

    [Fact]
    public async Task Verify_RefusesPurposeAndPredicate_ThatPolicyDoesNotGrantTheInstitution()
    {
        var token = _harness.TokenFor(institution: "bank-002");
        var inLoan = $$"""{"subject":"{{Subject}}","purpose":"in-loan","checks":[{"predicate":"ent.active"}]}""";
        var customs = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"customs.notDishonest"}]}""";

        using var purpose = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", inLoan, token), TestContext.Current.CancellationToken);
        using var predicate = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", customs, token), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(purpose, HttpStatusCode.Forbidden, "purpose_not_allowed");
        await ProblemAssert.IsProblemAsync(predicate, HttpStatusCode.Forbidden, "predicate_not_allowed");
    }

    [Fact]
    public async Task Verify_Refuses_WhenInstitutionIsNotRegistered()
    {
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, _harness.TokenFor(institution: "bank-999")), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "institution_not_registered");
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Verify_Returns403_ForRolesOtherThanInstitution(string role)
    {
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";
        var token = _harness.TokenFor(role, uscc: role == "owner" ? Subject : null);
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, token), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4Iiwicm9sZSI6Imluc3RpdHV0aW9uIiwiaW5zdCI6ImJhbmstMDAxIn0.")]
    public async Task Verify_Returns401_WithoutAValidToken(string? token)
    {
        var json = $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""";
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, token), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Returns413_WhenBodyIsOverTheLimit()
    {
        var json = $$"""{"subject":"{{Subject}}","purpose":"{{new string('x', 70 * 1024)}}","checks":[]}""";
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", json, _harness.TokenFor()), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Verify_Returns415_WhenBodyIsNotJson()
    {
        using var response = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", "subject=x", _harness.TokenFor(), "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task UnknownRoute_IsAProblem_NotAnEmptyPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/nothing-here");
        request.Headers.Authorization = new("Bearer", _harness.TokenFor());
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}

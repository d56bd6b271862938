using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;
using DataGateway.Dataset.Generation;
using DataGateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>A bank asks signed yes/no questions; the real gateway and node answer over loopback HTTP.</summary>
public sealed class VerificationEndToEndTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_ReturnsTruthfulSignedAnswers_WhenRequestIsValid()
    {
        var (record, _) = GroundTruth.First(r => r.TaxPaid12m >= 300_000 && r.DishonestDebtor is not null);
        var body = new
        {
            subject = record.Uscc,
            purpose = "pre-loan",
            checks = new object[]
            {
                new { predicate = "tax.paid12mAtLeast", @params = new { amountCny = 300000 } },
                new { predicate = "court.notDishonestDebtor" },
                new { predicate = "tax.gradeIn", @params = new { grades = new[] { "B", "A" } } },
            },
        };

        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, _harness.TokenFor()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken);
        Assert.NotNull(answer);
        Assert.Equal(record.Uscc, answer.Subject);
        Assert.Equal("2026-10-31", answer.AsOf);
        Assert.StartsWith("vrf_", answer.Id, StringComparison.Ordinal);
        Assert.Equal(["tax.paid12mAtLeast", "court.notDishonestDebtor", "tax.gradeIn"], answer.Results.Select(r => r.Predicate));
        Assert.Equal("true", answer.Results[0].Result);
        Assert.Equal(record.DishonestDebtor == true ? "false" : "true", answer.Results[1].Result);
        Assert.Equal(record.TaxGrade is "A" or "B" ? "true" : "false", answer.Results[2].Result);
        Assert.Equal(300000, answer.Results[0].Params!["amountCny"].GetInt64());

        // The attestation verifies against the published JWKS and says exactly what the answer says.
        var jwksJson = await _harness.Client.GetStringAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken);
        Assert.True(JsonWebKeySet.TryParse(jwksJson, out var jwks));
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(answer.Attestation, jwks!, out var payload, out _));
        using var signed = JsonDocument.Parse(payload!);
        Assert.Equal(record.Uscc, signed.RootElement.GetProperty("subject").GetString());
        Assert.Equal("bank-001", signed.RootElement.GetProperty("institution").GetString());
        Assert.Equal(answer.PolicyVersion, signed.RootElement.GetProperty("policyVersion").GetString());
        Assert.Equal(JwsStatus.Valid, CompactJws.Verify(answer.Receipt.Signature, jwks!, out _, out _));

        // The receipt names a durable audit entry that records the query but no result value.
        var entries = AuditReader.ReadAll(_harness.AuditDatabasePath);
        var entry = entries.Single(e => (long)e["seq"]! == answer.Receipt.EntryIndex);
        Assert.Equal("allowed", entry["decision"]);
        Assert.Equal(record.Uscc, entry["subject"]);
        Assert.DoesNotContain(entries.SelectMany(e => e.Values), v => v is string s && s.Contains(record.TaxPaid12m!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_MatchesLegalRepresentative_WithoutStoringOrEchoingPersonalValues()
    {
        var (record, index) = GroundTruth.First(r => r.LegalRepNameHmac is not null);
        var person = SyntheticPeople.For(TestMaterial.Seed, index);

        async Task<(string Result, string Raw)> AskAsync(string name)
        {
            var body = new { subject = record.Uscc, purpose = "pre-loan", checks = new[] { new { predicate = "legalRep.matches", @params = new { name, idNumber = person.IdNumber } } } };
            using var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, _harness.TokenFor()), TestContext.Current.CancellationToken);
            var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (JsonDocument.Parse(raw).RootElement.GetProperty("results")[0].GetProperty("result").GetString()!, raw);
        }

        var match = await AskAsync(person.Name);
        var mismatch = await AskAsync(person.Name + "甲");

        Assert.Equal("true", match.Result);
        Assert.Equal("false", mismatch.Result);
        Assert.DoesNotContain(person.IdNumber, match.Raw, StringComparison.Ordinal);
        var auditBytes = await File.ReadAllBytesAsync(_harness.AuditDatabasePath, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Encoding.UTF8.GetString(auditBytes), person.IdNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnswersUnknown_WhenTheDepartmentHasNoData()
    {
        var (record, _) = GroundTruth.First(r => r.ElectricityBill12m is null);
        var body = new { subject = record.Uscc, purpose = "pre-loan", checks = new[] { new { predicate = "utilities.electricityBill12mAtLeast", @params = new { amountCny = 50000 } } } };

        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, _harness.TokenFor()), TestContext.Current.CancellationToken);

        var answer = await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken);
        Assert.Equal("unknown", answer!.Results[0].Result);
    }

    [Fact]
    public async Task Verify_Returns404_WhenNoNodeHoldsTheSubject()
    {
        // A valid code from the synthetic block that the generated dataset does not contain.
        var absent = DataGateway.Core.Identifiers.Uscc.FromBody("91650100PDY99998").Value;
        Assert.DoesNotContain(GroundTruth.All, r => r.Uscc == absent);
        var body = new { subject = absent, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } };

        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, _harness.TokenFor()), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "subject_not_found");
    }

    [Fact]
    public async Task Authentication_RemembersAValidatedToken_AndNeverAnInvalidOne()
    {
        var cache = _harness.GatewayServices.GetRequiredService<DataGateway.Gateway.Authentication.ValidatedTokenCache>();
        var token = _harness.TokenFor();
        var forged = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.False(cache.TryGet(token, out _));

        using var ok = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", "{}", token), TestContext.Current.CancellationToken);
        using var refused = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", "{}", forged), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, ok.StatusCode); // authenticated, then refused by admission
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(cache.TryGet(token, out var principal));
        Assert.Equal("bank-001", principal!.FindFirst("inst")?.Value);
        Assert.False(cache.TryGet(forged, out _));
    }

    [Fact]
    public async Task OperationsEndpoints_Answer_WithoutAuthentication()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await _harness.Client.GetAsync("/healthz", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _harness.Client.GetAsync("/readyz", ct)).StatusCode);
        using (var refused = await _harness.Client.SendAsync(_harness.PostRaw("/v1/verifications", "{}", _harness.TokenFor()), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Contains("dg_verifications_total{decision=\"denied\",code=\"invalid_request\"}", await _harness.Client.GetStringAsync("/metrics", ct), StringComparison.Ordinal);
        var openApi = await _harness.Client.GetStringAsync("/openapi/v1.json", ct);
        Assert.Contains("/v1/verifications", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_ListsPredicatesWithPolicyValues_ForAnyAuthenticatedRole()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/catalog");
        request.Headers.Authorization = new("Bearer", _harness.TokenFor("auditor"));
        using var response = await _harness.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var catalog = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var paid = catalog.RootElement.GetProperty("predicates").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "tax.paid12mAtLeast");
        Assert.Equal([30000L, 50000, 100000, 300000, 1000000], paid.GetProperty("params")[0].GetProperty("allowed").EnumerateArray().Select(v => v.GetInt64()));

        // Aggregates: the public dimensions with their domains, and the bounds of policies/aggregates.yaml.
        var grade = catalog.RootElement.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "tax.grade");
        Assert.Contains("A", grade.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        var aggregates = catalog.RootElement.GetProperty("aggregates");
        Assert.Equal(1.0m, aggregates.GetProperty("maxEpsilonPerQuery").GetDecimal());
        var taxBounds = aggregates.GetProperty("bounds").EnumerateArray().Single(b => b.GetProperty("field").GetString() == "tax.paid12m");
        Assert.Equal((0L, 5_000_000L), (taxBounds.GetProperty("lower").GetInt64(), taxBounds.GetProperty("upper").GetInt64()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _harness.Client.GetAsync("/v1/catalog", ct)).StatusCode);
    }
}

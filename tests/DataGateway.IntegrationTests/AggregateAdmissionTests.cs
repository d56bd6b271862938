using System.Net;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md D2 and issue 6: bad aggregate input is refused with a stable code before any
/// budget is touched, and the refusal is audited.
/// </summary>
public sealed class AggregateAdmissionTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    // Epsilon: zero, negative, NaN and infinity as strings, a string "0.1", above the policy max, too precise, absurd.
    [InlineData("""{"metric":"count","epsilon":0}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":-0.0}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":-1}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":"NaN"}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":"Infinity"}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":"0.1"}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":1.000001}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":1e-30}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":1e308}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":0.10000000000000001}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"mean","field":"tax.paid12m","epsilon":0.000001}""", "epsilon_out_of_range")]
    [InlineData("""{"metric":"count","epsilon":NaN}""", "invalid_json")] // not JSON at all
    [InlineData("""{"metric":"count"}""", "invalid_request")]
    // Names: unknown field, categorical and HMAC fields, a measurable field without policy bounds, unknown dimensions.
    [InlineData("""{"metric":"sum","field":"tax.secretField","epsilon":0.1}""", "unknown_field")]
    [InlineData("""{"metric":"sum","field":"tax.grade","epsilon":0.1}""", "field_not_aggregatable")]
    [InlineData("""{"metric":"mean","field":"legalRep.idHmac","epsilon":0.1}""", "field_not_aggregatable")]
    [InlineData("""{"metric":"sum","field":"customs.dishonest","epsilon":0.1}""", "field_not_aggregatable")]
    [InlineData("""{"metric":"sum","epsilon":0.1}""", "invalid_request")]
    [InlineData("""{"metric":"count","field":"tax.paid12m","epsilon":0.1}""", "invalid_request")]
    [InlineData("""{"metric":"median","field":"tax.paid12m","epsilon":0.1}""", "unknown_metric")]
    [InlineData("""{"metric":"count","groupBy":["registration.division"],"epsilon":0.1}""", "unknown_dimension")]
    [InlineData("""{"metric":"count","groupBy":["tax.grade","tax.grade"],"epsilon":0.1}""", "unknown_dimension")]
    [InlineData("""{"metric":"count","filter":{"legalRep.nameHmac":["x"]},"epsilon":0.1}""", "unknown_dimension")]
    [InlineData("""{"metric":"count","filter":{"tax.grade":["Z"]},"epsilon":0.1}""", "param_not_allowed")]
    [InlineData("""{"metric":"count","filter":{"tax.grade":[]},"epsilon":0.1}""", "param_not_allowed")]
    // Shape: more groups or dimensions than policy allows, unknown members, duplicate members.
    [InlineData("""{"metric":"count","groupBy":["registration.province","registration.industry","tax.grade"],"epsilon":0.1}""", "too_many_groups")]
    [InlineData("""{"metric":"count","groupBy":["registration.province","registration.industry","tax.grade","size.class"],"epsilon":0.1}""", "too_many_groups")]
    [InlineData("""{"metric":"count","epsilon":0.1,"subject":"91110108PDY00001XU"}""", "invalid_json")]
    [InlineData("""{"metric":"count","epsilon":0.1,"epsilon":0.2}""", "invalid_json")]
    [InlineData("""{"metric":"count","epsilon":0.1,"purpose":"curiosity"}""", "unknown_purpose")]
    public async Task Aggregate_RefusesWith400AndSpendsNothing_WhenInputIsBad(string json, string code)
    {
        using var response = await AggregateCalls.PostRawAsync(_harness, json);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, await AggregateCalls.SpentAsync(_harness, "bank-001"));
        var entry = AuditReader.ReadAll(_harness.AuditDatabasePath).Last();
        Assert.Equal(("aggregate", "denied", code), ((string)entry["kind"]!, (string)entry["decision"]!, (string)entry["reason"]!));
    }

    [Fact]
    public async Task Aggregate_Refuses403_WhenPolicyDoesNotListTheInstitution()
    {
        var file = Path.Combine(_harness.PoliciesDirectory, "aggregates.yaml");
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var version = _harness.Policies.Current.Version;
        await File.WriteAllTextAsync(file, text.Replace("institutions: [bank-001, bank-002]", "institutions: [bank-001]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.Empty(_harness.Policies.Reload().Errors);
        Assert.NotEqual(version, _harness.Policies.Current.Version);

        using var response = await AggregateCalls.PostAsync(_harness, new { metric = "count", epsilon = 0.1 }, institution: "bank-002");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "aggregates_not_allowed");
        Assert.Equal(0, await AggregateCalls.SpentAsync(_harness, "bank-002"));
    }

    [Fact]
    public async Task Aggregate_Refuses403_WhenRoleIsNotInstitution()
    {
        using var request = _harness.Post("/v1/aggregates", new { metric = "count", epsilon = 0.1 }, _harness.TokenFor(role: "auditor"));
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

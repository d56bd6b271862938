using System.Net;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Deny by default (RELIABILITY.md G3): only the operations and key-publication endpoints are
/// anonymous; every other endpoint needs a token, and a new endpoint that forgets its policy
/// is caught here rather than in production.
/// </summary>
public sealed class DenyByDefaultTests : IAsyncLifetime
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "/healthz", "/readyz", "/metrics", "/openapi/{documentName}.json", "/.well-known/jwks.json",
    };

    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void Endpoints_AreAnonymousOnlyWhenListed()
    {
        var endpoints = _harness.GatewayServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/v1/verifications");

        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == Anonymous.Contains(pattern), $"{pattern}: anonymous={anonymous}");
        }
    }

    [Fact]
    public async Task EveryNonAnonymousEndpoint_Refuses_WithoutAToken()
    {
        var endpoints = _harness.GatewayServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Anonymous.Contains(e.RoutePattern.RawText ?? string.Empty))
            .ToArray();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var path = string.Concat(endpoint.RoutePattern.PathSegments.Select(s => "/" + string.Concat(s.Parts.Select(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "x"))));
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("institution", "/v1/audit/tree-head")]
    [InlineData("institution", "/v1/audit/entries")]
    [InlineData("auditor", "/v1/models")]
    [InlineData("owner", "/v1/audit/export")]
    public async Task AValidTokenOnAnotherRolesEndpoint_IsRefused403_AndAuditedAsDenied(string role, string path)
    {
        var token = role == "owner" ? _harness.TokenFor(role, uscc: GroundTruth.All[3].Uscc) : _harness.TokenFor(role);
        var entriesBefore = AuditReader.ReadAll(_harness.AuditDatabasePath).Count;

        using var response = await _harness.Client.SendAsync(_harness.Send(HttpMethod.Get, path, token), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
        var entry = Assert.Single(AuditReader.ReadAll(_harness.AuditDatabasePath).Skip(entriesBefore));
        Assert.Equal("authorization", entry["kind"]);
        Assert.Equal("denied", entry["decision"]);
        Assert.Equal("role_not_allowed", entry["reason"]);
        Assert.Equal(role, entry["role"]);
    }
}

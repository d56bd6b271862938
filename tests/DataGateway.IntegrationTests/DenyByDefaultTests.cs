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
            var (method, path) = RequestFor(endpoint);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryRoleEndpoint_Refuses403_EveryOtherRole_AndAuditsEachAttemptAsDenied()
    {
        // RELIABILITY.md G3, generated from the endpoint table: a new role endpoint is covered without editing this test.
        string[] roles = ["institution", "owner", "auditor", "admin"];
        var guarded = _harness.GatewayServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Role: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(roles.Contains)))
            .Where(e => e.Role is not null)
            .ToArray();
        Assert.Contains(guarded, e => e.Role == "auditor");
        Assert.Contains(guarded, e => e.Role == "owner");

        var tried = 0;
        foreach (var (endpoint, role) in guarded)
        {
            var (method, path) = RequestFor(endpoint);
            foreach (var other in roles.Where(r => r != role))
            {
                var token = other == "owner" ? _harness.TokenFor(other, uscc: GroundTruth.All[3].Uscc) : _harness.TokenFor(other);
                var entriesBefore = AuditReader.ReadAll(_harness.AuditDatabasePath).Count;
                using var request = _harness.Send(new HttpMethod(method), path, token);

                using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
                var entry = Assert.Single(AuditReader.ReadAll(_harness.AuditDatabasePath).Skip(entriesBefore));
                Assert.True(
                    (string?)entry["kind"] == "authorization" && (string?)entry["decision"] == "denied" && (string?)entry["role"] == other,
                    $"{other} on {method} {path}: {entry["kind"]}/{entry["decision"]}/{entry["role"]}");
                tried++;
            }
        }

        Assert.True(tried >= 3 * 10, $"only {tried} role/endpoint pairs tried");
    }

    private static (string Method, string Path) RequestFor(RouteEndpoint endpoint)
    {
        var path = string.Concat(endpoint.RoutePattern.PathSegments.Select(s => "/" + string.Concat(s.Parts.Select(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "x"))));
        return (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET", path);
    }
}

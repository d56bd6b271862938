using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace DataGateway.Bench;

/// <summary>The bench's baseline host: one YARP route, <c>/v1/verifications</c>, to one destination, and nothing else.</summary>
internal static class BareProxy
{
    /// <summary>Builds the host unstarted; the caller maps the proxy, with or without its own pipeline steps.</summary>
    public static WebApplication Build(string destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "verifications", ClusterId = "stub", Match = new RouteMatch { Path = "/v1/verifications" } }],
            [new ClusterConfig { ClusterId = "stub", Destinations = new Dictionary<string, DestinationConfig> { ["stub"] = new() { Address = destination } } }]);
        return builder.Build();
    }
}

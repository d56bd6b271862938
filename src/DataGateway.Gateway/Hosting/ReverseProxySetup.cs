using DataGateway.Gateway.Forwarding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace DataGateway.Gateway.Hosting;

/// <summary>
/// YARP holds the data-node cluster: from configuration (<c>ReverseProxy</c> section, reloaded
/// on change) when present, else from the settings. The gateway maps no YARP routes of its
/// own: every node call goes through the query pipeline and its forwarder.
/// </summary>
internal static class ReverseProxySetup
{
    public static IServiceCollection AddGatewayReverseProxy(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<NodeEndpoint> nodes)
    {
        var proxy = services.AddReverseProxy();
        var section = configuration.GetSection("ReverseProxy");
        if (section.Exists())
        {
            if (section.GetSection("Routes").GetChildren().Any())
            {
                // A YARP route would reach nodes around the pipeline (no admission, no audit).
                throw new InvalidOperationException("ReverseProxy:Routes must be empty: every node call goes through the query pipeline.");
            }

            proxy.LoadFromConfig(section);
        }
        else
        {
            var cluster = new ClusterConfig
            {
                ClusterId = NodeRouter.ClusterId,
                Destinations = nodes.ToDictionary(
                    n => n.Id,
                    n => new DestinationConfig { Address = n.Address, Metadata = new Dictionary<string, string> { [NodeRouter.RegionsMetadata] = n.Regions } }),
                HttpClient = new HttpClientConfig { DangerousAcceptAnyServerCertificate = false },
            };
            proxy.LoadFromMemory([], [cluster]);
        }

        services.AddHttpForwarder();
        return services;
    }
}

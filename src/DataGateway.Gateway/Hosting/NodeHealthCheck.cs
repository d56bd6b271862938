using DataGateway.Gateway.Forwarding;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace DataGateway.Gateway.Hosting;

/// <summary>Ready only when every configured data node answers its <c>/healthz</c>.</summary>
internal sealed class NodeHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxyState.TryGetCluster(NodeRouter.ClusterId, out var cluster) || cluster.Model.HttpClient is not { } client || cluster.Destinations.IsEmpty)
        {
            return HealthCheckResult.Unhealthy("no data nodes configured");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        foreach (var destination in cluster.Destinations.Values)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, destination.Model.Config.Address.TrimEnd('/') + "/healthz");
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                if (!response.IsSuccessStatusCode)
                {
                    return HealthCheckResult.Unhealthy($"node {destination.DestinationId} answered {(int)response.StatusCode}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"node {destination.DestinationId} unreachable");
            }
        }

        return HealthCheckResult.Healthy();
    }
}

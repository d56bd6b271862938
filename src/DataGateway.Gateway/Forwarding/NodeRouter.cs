using Yarp.ReverseProxy;

namespace DataGateway.Gateway.Forwarding;

/// <summary>
/// Picks the data node that holds a subject from YARP's cluster configuration
/// (<c>ReverseProxy:Clusters:nodes</c>). Each destination lists the administrative divisions
/// it holds in metadata <c>regions</c> (comma-separated prefixes of USCC characters 3-8, or
/// <c>*</c>); the longest matching prefix wins, so a region can be carved out of a default.
/// </summary>
internal sealed class NodeRouter(IProxyStateLookup proxyState)
{
    /// <summary>The YARP cluster id of the data nodes.</summary>
    public const string ClusterId = "nodes";

    /// <summary>The destination metadata key listing regions.</summary>
    public const string RegionsMetadata = "regions";

    public NodeDestination? Route(string divisionCode)
    {
        if (!proxyState.TryGetCluster(ClusterId, out var cluster) || cluster.Model.HttpClient is not { } client)
        {
            return null;
        }

        NodeDestination? best = null;
        var bestLength = -1;
        foreach (var destination in cluster.Destinations.Values)
        {
            var config = destination.Model.Config;
            var regions = config.Metadata is not null && config.Metadata.TryGetValue(RegionsMetadata, out var value) ? value : "*";
            foreach (var region in regions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var length = region == "*" ? 0 : region.Length;
                if ((region == "*" || divisionCode.StartsWith(region, StringComparison.Ordinal)) && length > bestLength)
                {
                    best = new NodeDestination(destination.DestinationId, config.Address, client);
                    bestLength = length;
                }
            }
        }

        return best;
    }

    /// <summary>Every data node in id order: population queries (aggregates) fan out to all of them.</summary>
    public IReadOnlyList<NodeDestination> All() =>
        proxyState.TryGetCluster(ClusterId, out var cluster) && cluster.Model.HttpClient is { } client
            ? cluster.Destinations.Values
                .Select(d => new NodeDestination(d.DestinationId, d.Model.Config.Address, client))
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToArray()
            : [];
}

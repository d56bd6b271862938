namespace DataGateway.Gateway.Forwarding;

/// <summary>How long the gateway waits for a data node's whole answer before it refuses the query.</summary>
/// <param name="Timeout">The deadline for one node call, request and full response body together.</param>
internal sealed record NodeCallLimits(TimeSpan Timeout);

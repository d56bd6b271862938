using Prometheus;

namespace DataGateway.Gateway.Diagnostics;

/// <summary>Process-wide Prometheus setup; runs before any metric exists, hence not in <see cref="GatewayMetrics"/>.</summary>
internal static class MetricsSetup
{
    /// <summary>
    /// Keeps process metrics and ours; drops prometheus-net's adapters that subscribe to every
    /// .NET Meter and EventCounter, because recording Kestrel, HttpClient and YARP instruments
    /// on every request costs CPU on the hot path for series nobody asked for.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressMeters = true,
                SuppressEventCounters = true,
                SuppressDebugMetrics = true,
                SuppressProcessMetrics = false,
            });
        }
    }

    private static int _configured;
}

namespace DataGateway.Bench;

/// <summary>What one load run measured.</summary>
/// <remarks>
/// <see cref="ServerCpuMicros"/> is the bench process's CPU time (gateway, node and stubs; wrk runs
/// in its own process) per request: on a shared, noisy box it moves far less between runs than
/// requests/s does, so it is the figure to compare changes by.
/// </remarks>
internal sealed record LoadResult(string Name, long Requests, long Failures, TimeSpan Duration, double P50Ms, double P99Ms, double ServerCpuMicros = double.NaN)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

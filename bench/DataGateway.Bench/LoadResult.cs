namespace DataGateway.Bench;

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(string Name, long Requests, long Failures, TimeSpan Duration, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

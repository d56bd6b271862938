namespace DataGateway.Privacy.Tests.Support;

/// <summary>CI runs the small sample sizes; RELIABILITY_TIER=soak runs the large ones (RELIABILITY.md).</summary>
internal static class Tier
{
    public static bool IsSoak =>
        string.Equals(Environment.GetEnvironmentVariable("RELIABILITY_TIER"), "soak", StringComparison.OrdinalIgnoreCase);

    public static int Pick(int ci, int soak) => IsSoak ? soak : ci;
}

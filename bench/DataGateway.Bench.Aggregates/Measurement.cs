namespace DataGateway.Bench.Aggregates;

/// <summary>The median of several timed runs and the number of groups one run produced.</summary>
internal sealed record Measurement(double Median, int Groups)
{
    public static Measurement Of(List<double> millis, int groups)
    {
        millis.Sort();
        var mid = millis.Count / 2;
        var median = millis.Count % 2 == 1 ? millis[mid] : (millis[mid - 1] + millis[mid]) / 2;
        return new Measurement(median, groups);
    }
}

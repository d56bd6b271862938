using System.Globalization;

namespace DataGateway.Bench.Aggregates;

/// <summary>
/// Issue 6 "Figures": a DP group-by (province x industry, mean of tax.paid12m) over a generated
/// population, side by side with the plain GROUP BY on the node's SQLite store.
/// <c>dotnet run -c Release --project bench/DataGateway.Bench.Aggregates -- [--enterprises N] [--runs R] [--data DIR]</c>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var enterprises = IntOption(args, "--enterprises", 1_000_000);
        var runs = IntOption(args, "--runs", 15);
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"dg-bench-aggregates-{enterprises}");

        BenchDataset.Ensure(data, enterprises);
        Console.WriteLine($"dataset: {enterprises:N0} enterprises in {data}; {runs} runs each, medians; {Environment.ProcessorCount} cores");

        var plain = PlainSqlGroupBy.Measure(data, runs);
        Console.WriteLine($"(a) plain SQLite GROUP BY on the node's store : {plain.Median,9:F1} ms   ({plain.Groups} groups)");

        await using var node = await NodeRun.StartAsync(data);
        var cold = await node.ColdStartAsync();
        Console.WriteLine($"    first aggregate after start (snapshot load):{cold,9:F1} ms");
        var engine = await node.MeasureAsync(runs, withNoise: false);
        Console.WriteLine($"(b) node engine via POST /internal/v1/aggregates: {engine.Median,6:F1} ms   ({engine.Groups} groups)");
        var noisy = await node.MeasureAsync(runs, withNoise: true);
        Console.WriteLine($"(c) (b) + discrete Laplace mean for all {noisy.Groups} domain groups: {noisy.Median,6:F1} ms   (pool misses: {node.SynchronousDraws})");
        Console.WriteLine($"ratio (c)/(a): {noisy.Median / plain.Median:F3}");
        Console.WriteLine($"    first aggregate over another field (tax.sales12m): {await node.NewFieldAsync("tax.sales12m"),6:F1} ms");

        var check = await node.CompareWithAsync(data);
        Console.WriteLine($"check: node partials equal SQLite's COUNT/SUM per group: {(check ? "yes" : "NO")}");
        return check ? 0 : 1;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

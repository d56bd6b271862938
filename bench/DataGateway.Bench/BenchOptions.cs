using System.Globalization;

namespace DataGateway.Bench;

/// <summary>Command-line options of the bench.</summary>
internal sealed record BenchOptions(int Connections, TimeSpan Warmup, TimeSpan Duration, int Enterprises, int Entries, int Writers, int Rounds)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new BenchOptions(
            int.Parse(Value("--connections", "32"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup", "8"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds", "15"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--enterprises", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--entries", "200000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--writers", "64"), CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds", "3"), CultureInfo.InvariantCulture)); // consent figure: alternating rounds
    }
}

using BenchmarkDotNet.Running;

namespace DataGateway.Bench.Merkle;

/// <summary>Runs the Merkle benchmarks: <c>dotnet run -c Release --project bench/DataGateway.Bench.Merkle -- --filter '*'</c>.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

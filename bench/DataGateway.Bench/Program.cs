using System.Globalization;
using DataGateway.Bench;

// dotnet run -c Release --project bench/DataGateway.Bench -- [--connections 32] [--seconds 15] [--warmup 8] [--enterprises 10000]
var options = BenchOptions.Parse(args);
var (full, bare) = await VerificationBench.RunAsync(options);
var report = string.Create(CultureInfo.InvariantCulture, $"""
    | route ({options.Connections} connections, {options.Duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores) | requests/s | p50 ms | p99 ms | non-200 |
    |---|---:|---:|---:|---:|
    | {full.Name} | {full.RequestsPerSecond:0} | {full.P50Ms:0.00} | {full.P99Ms:0.00} | {full.Failures} |
    | {bare.Name} | {bare.RequestsPerSecond:0} | {bare.P50Ms:0.00} | {bare.P99Ms:0.00} | {bare.Failures} |

    throughput ratio full/bare: {full.RequestsPerSecond / bare.RequestsPerSecond:0.00} (target >= 0.50); p99 ratio full/bare: {full.P99Ms / bare.P99Ms:0.00} (target < 4)
    """);
Console.WriteLine(report);
return full.Failures == 0 && bare.Failures == 0 ? 0 : 1;

using System.Globalization;
using DataGateway.Bench;

// dotnet run -c Release --project bench/DataGateway.Bench -- [verification] [--connections 32] [--seconds 15] [--warmup 8] [--enterprises 10000] [--rounds 3]
// dotnet run -c Release --project bench/DataGateway.Bench -- audit [--entries 200000] [--writers 64]
// dotnet run -c Release --project bench/DataGateway.Bench -- audit-verify [--entries 1000000]
// dotnet run -c Release --project bench/DataGateway.Bench -- scores [--seconds 15] [--warmup 8] [--clients 3] [--enterprises 10000]
var options = BenchOptions.Parse(args);
if (args.FirstOrDefault() == "scores")
{
    return await ScoringBench.RunAsync(options, args);
}

if (args.FirstOrDefault() == "audit-verify")
{
    Console.WriteLine(await AuditVerifyBench.RunAsync(options.Entries));
    return 0;
}

if (args.FirstOrDefault() == "audit")
{
    Console.WriteLine(await AuditAppendBench.RunAsync(options.Entries, options.Writers));
    return 0;
}

var (full, noConsent, bare, floor, entriesPerCommit) = await VerificationBench.RunAsync(options);
var report = string.Create(CultureInfo.InvariantCulture, $"""
    | route ({options.Connections} connections, {options.Duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores) | requests/s | p50 ms | p99 ms | non-200 | server CPU µs/request |
    |---|---:|---:|---:|---:|---:|
    | {full.Name} | {full.RequestsPerSecond:0} | {full.P50Ms:0.00} | {full.P99Ms:0.00} | {full.Failures} | {full.ServerCpuMicros:0} |
    | {noConsent.Name} | {noConsent.RequestsPerSecond:0} | {noConsent.P50Ms:0.00} | {noConsent.P99Ms:0.00} | {noConsent.Failures} | {noConsent.ServerCpuMicros:0} |
    | {bare.Name} | {bare.RequestsPerSecond:0} | {bare.P50Ms:0.00} | {bare.P99Ms:0.00} | {bare.Failures} | {bare.ServerCpuMicros:0} |
    | {floor.Name} | {floor.RequestsPerSecond:0} | {floor.P50Ms:0.00} | {floor.P99Ms:0.00} | {floor.Failures} | {floor.ServerCpuMicros:0} |

    consent step: median {noConsent.P50Ms:0.00} ms without, {full.P50Ms:0.00} ms with: {(full.P50Ms / noConsent.P50Ms - 1) * 100:+0.0;-0.0}% (target <= +10%)
    throughput ratio full/bare: {full.RequestsPerSecond / bare.RequestsPerSecond:0.00} (target >= 0.50); p99 ratio full/bare: {full.P99Ms / bare.P99Ms:0.00} (target < 4)
    ceiling for any pipeline (bare route + two durable appends + one signature, nothing else) / bare: throughput {floor.RequestsPerSecond / bare.RequestsPerSecond:0.00}, p99 {floor.P99Ms / bare.P99Ms:0.00}
    audit group commit: {entriesPerCommit:0.0} entries per transaction (intent and outcome of every request, all routes)
    """);
Console.WriteLine(report);
return full.Failures == 0 && noConsent.Failures == 0 && bare.Failures == 0 && floor.Failures == 0 ? 0 : 1;

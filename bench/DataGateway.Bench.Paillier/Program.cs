using BenchmarkDotNet.Running;
using DataGateway.Bench.Paillier;

// dotnet run -c Release --project bench/DataGateway.Bench.Paillier -- --filter '*'
// Paillier-2048, one 40-feature score per backend, and one re-randomisation (issue 5 figures).
BenchmarkSwitcher.FromTypes([typeof(ScoreBench), typeof(RerandomizeBench)]).Run(args);

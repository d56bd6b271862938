using System.Diagnostics;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Bench;

/// <summary>
/// The node's compute per score without HTTP, JSON or audit: the scorer the node builds per model
/// (fixed-base tables) on real records' features, one thread, and separately the pooled E(0) each
/// score consumes (computed in the background by the node's <see cref="RandomizerPool"/>). Runs before the
/// hosts start, so the process CPU time per operation is this thread's plus the runtime's background JIT and
/// GC work, whatever else loads the machine; wall time is the figure on a quiet machine.
/// </summary>
internal static class ScoringComputeProbe
{
    private const int Scores = 400;
    private const int Zeros = 200;

    public static IReadOnlyList<ComputeFigure> Run(ScoringBenchModel model, IReadOnlyList<long[]> features)
    {
        var backends = PaillierBackends.GmpAvailable ? new[] { PaillierBackend.Gmp, PaillierBackend.Managed } : [PaillierBackend.Managed];
        var results = new List<ComputeFigure>();
        foreach (var backend in backends)
        {
            using var scorer = PaillierModelScorer.Create(model.EncryptedWeights, model.EncryptedBias, new PaillierScoringOptions { Backend = backend });
            using var zeros = new ZeroEncryptor(model.Key, backend);
            var zero = zeros.Next();
            for (var i = 0; i < 20; i++)
            {
                Check(model, scorer.Score(features[i], zero), features[i]);
            }

            var (scoreWall, scoreCpu) = Time(Scores, i => scorer.Score(features[i % features.Count], zero));
            var (zeroWall, zeroCpu) = Time(Zeros, _ => zeros.Next());
            results.Add(new ComputeFigure(scorer.Backend, scoreWall, scoreCpu, zeroWall, zeroCpu));
        }

        return results;
    }

    /// <summary>Milliseconds per operation: wall clock, and process CPU time (not inflated by other processes' load).</summary>
    private static (double WallMs, double CpuMs) Time(int count, Action<int> operation)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            operation(i);
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds / count;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count);
    }

    private static void Check(ScoringBenchModel model, PaillierCiphertext score, long[] x)
    {
        var expected = new System.Numerics.BigInteger(model.Bias);
        for (var i = 0; i < x.Length; i++)
        {
            expected += new System.Numerics.BigInteger(model.Weights[i]) * x[i];
        }

        if (!model.Secret.TryDecryptSigned(score, out var value) || value != expected)
        {
            throw new InvalidOperationException("The in-process scorer disagrees with the plaintext predictor.");
        }
    }
}

/// <summary>One backend's per-operation cost: a 40-feature score (with its multiplication by E(0)) and one E(0).</summary>
internal sealed record ComputeFigure(PaillierBackend Backend, double ScoreWallMs, double ScoreCpuMs, double ZeroWallMs, double ZeroCpuMs);

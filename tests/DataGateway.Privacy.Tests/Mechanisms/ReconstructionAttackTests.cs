using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Privacy.Noise;
using DataGateway.Privacy.Randomness;
using MathNet.Numerics.LinearAlgebra;

namespace DataGateway.Privacy.Tests.Mechanisms;

/// <summary>
/// RELIABILITY.md D9 (Dinur–Nissim): an attacker asks random subset counts over 64 secret bits
/// until the budget runs out and reconstructs by least squares. With the budget on it does no
/// better than guessing; with the budget off the same attack recovers the secret.
/// </summary>
public sealed class ReconstructionAttackTests
{
    private const int SecretBits = 64;
    private const int Trials = 10;
    private static readonly SuppressionRule NoSuppression = new(0, 0);

    [Theory]
    [InlineData(10_000)]   // 100 queries at ε = 0.01
    [InlineData(100_000)]  // 10 queries at ε = 0.1
    public void Reconstruction_IsNearGuessing_WhenBudgetCapIsOne(long epsilonPerQuery)
    {
        var accuracy = MeanAccuracy(PrivacyBudget.WithCap(Epsilon.MicroUnitsPerUnit), Epsilon.FromMicroUnits(epsilonPerQuery), maxQueries: 1_000, seed: 301);

        TestContext.Current.TestOutputHelper?.WriteLine($"budget on, ε/query {epsilonPerQuery}µ: accuracy {accuracy:F3}");
        Assert.True(accuracy <= 0.60, $"accuracy {accuracy:F3}");
    }

    [Fact]
    public void Reconstruction_Succeeds_WhenBudgetIsDisabled()
    {
        // Control: an unlimited budget lets the attacker ask 4n queries at a large ε.
        var accuracy = MeanAccuracy(PrivacyBudget.WithCap(long.MaxValue), Epsilon.FromMicroUnits(10 * Epsilon.MicroUnitsPerUnit), maxQueries: 4 * SecretBits, seed: 302);

        TestContext.Current.TestOutputHelper?.WriteLine($"budget off: accuracy {accuracy:F3}");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:F3}");
    }

    private static double MeanAccuracy(PrivacyBudget budget, Epsilon perQuery, int maxQueries, ulong seed)
    {
        var bits = new SplitMix64RandomBits(seed);
        var mechanism = new AggregateMechanism(new DirectNoiseSource(bits));
        var total = 0.0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var secret = Enumerable.Range(0, SecretBits).Select(_ => (int)(bits.NextUInt64() & 1)).ToArray();
            var rows = new List<double[]>();
            var answers = new List<double>();
            var remaining = budget;
            while (rows.Count < maxQueries && remaining.TrySpend(perQuery, out remaining))
            {
                var subset = Enumerable.Range(0, SecretBits).Select(_ => (double)(bits.NextUInt64() & 1)).ToArray();
                var trueCount = Enumerable.Range(0, SecretBits).Sum(i => subset[i] > 0 ? secret[i] : 0);
                rows.Add(subset);
                answers.Add((double)(mechanism.Count(trueCount, perQuery, NoSuppression).Value ?? 0m));
            }

            total += Accuracy(secret, Reconstruct(rows, answers));
        }

        return total / Trials;
    }

    private static double[] Reconstruct(List<double[]> rows, List<double> answers)
    {
        // Ridge-regularised least squares: well defined even with fewer queries than unknowns.
        var a = Matrix<double>.Build.DenseOfRowArrays(rows);
        var b = Vector<double>.Build.DenseOfEnumerable(answers);
        var normal = a.TransposeThisAndMultiply(a) + Matrix<double>.Build.DenseIdentity(SecretBits) * 0.1;
        return normal.Solve(a.TransposeThisAndMultiply(b)).ToArray();
    }

    private static double Accuracy(int[] secret, double[] estimate) =>
        Enumerable.Range(0, SecretBits).Count(i => (estimate[i] > 0.5 ? 1 : 0) == secret[i]) / (double)SecretBits;
}

using MathNet.Numerics.Distributions;

namespace DataGateway.Privacy.Tests.Support;

/// <summary>
/// χ² goodness of fit plus mean and variance z-tests against an exact symmetric pmf at a fixed
/// false-positive rate α (OpenDP uses 1e-6). Bins are fixed from the pmf and n before any
/// sample is seen: every |x| ≤ R is its own bin, the two tails beyond R are merged bins, and R
/// is the largest radius keeping every expected count ≥ 5 (RELIABILITY.md "Statistical tests").
/// </summary>
internal static class GoodnessOfFit
{
    public const double Alpha = 1e-6;

    public static GofResult Run(IReadOnlyList<long> samples, SymmetricPmf pmf)
    {
        var n = samples.Count;
        var radius = 0;
        while (radius < pmf.Radius && n * pmf.At(radius + 1) >= 5 && n * pmf.UpperTail(radius + 1) >= 5)
        {
            radius++;
        }

        var observed = new long[(2 * radius) + 3]; // [lower tail, -R..R, upper tail]
        double sum = 0, sumSquares = 0;
        foreach (var x in samples)
        {
            var bin = x < -radius ? 0 : x > radius ? observed.Length - 1 : (int)(x + radius + 1);
            observed[bin]++;
            sum += x;
            sumSquares += (double)x * x;
        }

        var chiSquare = 0.0;
        for (var bin = 0; bin < observed.Length; bin++)
        {
            var p = bin == 0 || bin == observed.Length - 1 ? pmf.UpperTail(radius) : pmf.At(bin - radius - 1);
            var expected = n * p;
            chiSquare += (observed[bin] - expected) * (observed[bin] - expected) / expected;
        }

        var degrees = observed.Length - 1;
        var critical = ChiSquared.InvCDF(degrees, 1 - Alpha);
        var zCritical = Normal.InvCDF(0, 1, 1 - (Alpha / 2));
        var meanZ = (sum / n) / Math.Sqrt(pmf.Variance / n);
        // The mean is known to be 0, so E[X²] is the variance and Var[X²] = μ4 - σ⁴.
        var varianceZ = ((sumSquares / n) - pmf.Variance) / Math.Sqrt((pmf.FourthMoment - (pmf.Variance * pmf.Variance)) / n);
        return new GofResult(chiSquare, critical, degrees, meanZ, varianceZ, zCritical);
    }
}

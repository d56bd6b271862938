namespace DataGateway.Privacy.Tests.Support;

/// <summary>
/// An exact symmetric pmf on the integers, tabulated in double (tests only) out to where the
/// remaining mass is below 1e-300, with its moments.
/// </summary>
internal sealed class SymmetricPmf
{
    private readonly double[] _p; // _p[k] = P[X = k] = P[X = -k]

    private SymmetricPmf(double[] weights)
    {
        var total = weights[0] + (2 * weights.Skip(1).Sum());
        _p = weights.Select(w => w / total).ToArray();
        Variance = 2 * Enumerable.Range(1, _p.Length - 1).Sum(k => (double)k * k * _p[k]);
        FourthMoment = 2 * Enumerable.Range(1, _p.Length - 1).Sum(k => Math.Pow(k, 4) * _p[k]);
    }

    public double Variance { get; }

    public double FourthMoment { get; }

    public int Radius => _p.Length - 1;

    /// <summary>P[X = x] ∝ exp(-|x|/t).</summary>
    public static SymmetricPmf DiscreteLaplace(double scale) =>
        Tabulate(k => Math.Exp(-k / scale), (int)(800 * scale) + 50);

    /// <summary>P[X = x] ∝ exp(-x²/(2σ²)).</summary>
    public static SymmetricPmf DiscreteGaussian(double sigmaSquared) =>
        Tabulate(k => Math.Exp(-(double)k * k / (2 * sigmaSquared)), (int)(40 * Math.Sqrt(sigmaSquared)) + 50);

    public double At(long x)
    {
        var k = Math.Abs(x);
        return k < _p.Length ? _p[k] : 0;
    }

    /// <summary>P[X &gt; r] for r ≥ 0.</summary>
    public double UpperTail(int r) => _p.Skip(r + 1).Sum();

    private static SymmetricPmf Tabulate(Func<int, double> weight, int radius) =>
        new(Enumerable.Range(0, radius + 1).Select(weight).ToArray());
}

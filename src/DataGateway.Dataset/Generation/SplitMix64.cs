namespace DataGateway.Dataset.Generation;

/// <summary>
/// SplitMix64 with the exact formulas of <c>reference/synth_sme_reference.py</c> (uniform,
/// Box-Muller with a cached spare, Knuth Poisson, weighted choice), so that the same seed gives
/// the same stream as the reference up to last-ulp differences of libm.
/// </summary>
/// <remarks>
/// A deterministic generator is the point here (reproducible datasets), which is why this is
/// not <see cref="System.Security.Cryptography.RandomNumberGenerator"/>.
/// </remarks>
internal sealed class SplitMix64(ulong seed)
{
    private const double TwoPi = 2 * Math.PI;
    private ulong _state = seed;
    private double _spare;
    private bool _hasSpare;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>[0, 1) with 53 random bits.</summary>
    public double Uniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var u1 = Uniform();
        while (u1 <= 1e-300)
        {
            u1 = Uniform();
        }

        var u2 = Uniform();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = r * Math.Sin(TwoPi * u2);
        _hasSpare = true;
        return r * Math.Cos(TwoPi * u2);
    }

    public bool Bernoulli(double p) => Uniform() < p;

    /// <summary>Knuth's multiplication method; fine for the small rates the reference uses.</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        while (true)
        {
            p *= Uniform();
            if (p <= limit)
            {
                return k;
            }

            k++;
        }
    }

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>; the last on rounding overrun.</summary>
    public int Choice(ReadOnlySpan<double> weights, double total)
    {
        var t = Uniform() * total;
        var acc = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            acc += weights[i];
            if (t < acc)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A stream for one (purpose, index) pair, independent of the reference stream.</summary>
    public static SplitMix64 Derived(ulong seed, ulong salt, long index)
    {
        // One SplitMix64 step over the combined key decorrelates neighbouring indexes.
        var mixer = new SplitMix64(seed ^ salt);
        mixer._state += (ulong)index * 0xD6E8FEB86659FD93UL;
        return new SplitMix64(mixer.NextUInt64());
    }
}

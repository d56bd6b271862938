using System.Globalization;
using System.Numerics;

namespace DataGateway.Privacy.Numerics;

/// <summary>
/// An exact non-negative rational number in lowest terms. Noise scales and Bernoulli
/// parameters are rationals so that no floating-point rounding enters the noise path
/// (Mironov 2012; RELIABILITY.md item 6).
/// </summary>
public readonly record struct Rational
{
    /// <summary>Creates <paramref name="numerator"/> / <paramref name="denominator"/> reduced to lowest terms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The numerator is negative or the denominator is not positive.</exception>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd > BigInteger.One)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    // The samplers only compare and floor, so they skip the gcd on their hot path.
    private Rational(BigInteger numerator, BigInteger denominator, bool reduced)
    {
        _ = reduced;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>One.</summary>
    public static Rational One { get; } = new(BigInteger.One, BigInteger.One, reduced: true);

    /// <summary>The numerator, at least zero.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, at least one.</summary>
    public BigInteger Denominator { get; }

    /// <summary>n/d without reduction to lowest terms; the caller guarantees n ≥ 0 and d ≥ 1.</summary>
    internal static Rational Unreduced(BigInteger numerator, BigInteger denominator) => new(numerator, denominator, reduced: false);

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>The largest integer not above the value.</summary>
    public BigInteger Floor => BigInteger.Divide(Numerator, Denominator);

    /// <summary>Returns the value divided by a positive integer.</summary>
    public Rational DivideBy(BigInteger divisor) => new(Numerator, Denominator * divisor);

    /// <summary>Returns the value multiplied by a non-negative integer.</summary>
    public Rational MultiplyBy(BigInteger factor) => new(Numerator * factor, Denominator);

    /// <inheritdoc />
    public override string ToString() =>
        Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
}

namespace DataGateway.Client.Scoring;

/// <summary>
/// The common scorecard scaling (DOMAIN.md "Scores"): 600 points at good:bad odds of 50:1, and 20
/// points to double the odds, so Factor = 20/ln 2 ≈ 28.854 and Offset = 600 − Factor·ln 50 ≈ 487.12.
/// </summary>
public static class Scorecard
{
    /// <summary>The points at the base odds.</summary>
    public const double BasePoints = 600;

    /// <summary>The good:bad odds that score <see cref="BasePoints"/>.</summary>
    public const double BaseOdds = 50;

    /// <summary>Points to double the odds (PDO).</summary>
    public const double PointsToDoubleOdds = 20;

    /// <summary>Factor = PDO / ln 2.</summary>
    public static readonly double Factor = PointsToDoubleOdds / Math.Log(2);

    /// <summary>Offset = base points − Factor · ln(base odds).</summary>
    public static readonly double Offset = BasePoints - (Factor * Math.Log(BaseOdds));

    /// <summary>
    /// The points for a default log-odds z = ln(p/(1−p)): Offset + Factor·ln(good:bad odds) = Offset − Factor·z.
    /// </summary>
    /// <param name="linearPredictor">The model's z (a higher z is a likelier default).</param>
    public static double Points(double linearPredictor) => Offset - (Factor * linearPredictor);

    /// <summary>The logistic link p = 1/(1 + e^−z), the probability of default.</summary>
    /// <param name="linearPredictor">The model's z.</param>
    /// <remarks>Written in the form whose exponential cannot overflow to NaN for any finite z.</remarks>
    public static double Probability(double linearPredictor) => linearPredictor >= 0
        ? 1 / (1 + Math.Exp(-linearPredictor))
        : Math.Exp(linearPredictor) / (1 + Math.Exp(linearPredictor));
}

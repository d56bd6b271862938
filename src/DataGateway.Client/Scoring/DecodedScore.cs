namespace DataGateway.Client.Scoring;

/// <summary>A decrypted score, or the flag that it overflowed and means nothing.</summary>
/// <param name="Overflow">The plaintext fell in the middle third of Z_n (python-paillier's overflow band): no value is given.</param>
/// <param name="LinearPredictor">z = bias + Σ wᵢ·xᵢ, the default log-odds; NaN when overflowed.</param>
/// <param name="Probability">The probability of default 1/(1 + e^−z); NaN when overflowed.</param>
/// <param name="Points">Scorecard points (600 at 50:1, 20 to double the odds); NaN when overflowed.</param>
public sealed record DecodedScore(bool Overflow, double LinearPredictor, double Probability, double Points)
{
    /// <summary>The result for an overflowed score.</summary>
    public static DecodedScore Overflowed { get; } = new(true, double.NaN, double.NaN, double.NaN);
}

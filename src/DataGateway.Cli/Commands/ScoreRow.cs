using DataGateway.Client.Scoring;

namespace DataGateway.Cli.Commands;

/// <summary>One subject's line of <c>dg score</c>: a decoded score, or the reason there is none.</summary>
/// <param name="Subject">The enterprise.</param>
/// <param name="ScoreId">The gateway's score id, when scored.</param>
/// <param name="LinearPredictor">z, the default log-odds.</param>
/// <param name="Probability">The probability of default.</param>
/// <param name="Score">Scorecard points.</param>
/// <param name="Overflow">True when the decrypted value was in the overflow band (no value shown).</param>
/// <param name="Problem">The problem code when this subject was not scored.</param>
internal sealed record ScoreRow(string Subject, string? ScoreId, double? LinearPredictor, double? Probability, double? Score, bool Overflow, string? Problem)
{
    /// <summary>Whether this row is a usable score.</summary>
    public bool Ok => Problem is null && !Overflow;

    public static ScoreRow Scored(string subject, string scoreId, DecodedScore score) => score.Overflow
        ? new(subject, scoreId, null, null, null, true, null)
        : new(subject, scoreId, score.LinearPredictor, score.Probability, score.Points, false, null);

    public static ScoreRow Refused(string subject, string problem) => new(subject, null, null, null, null, false, problem);
}

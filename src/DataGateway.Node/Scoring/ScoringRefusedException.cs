using DataGateway.Core.Problems;

namespace DataGateway.Node.Scoring;

/// <summary>A score request refused before any computation on raw data; answered with its problem code.</summary>
internal sealed class ScoringRefusedException(ProblemCode code) : Exception(code.Code)
{
    public ProblemCode Code { get; } = code;
}

using DataGateway.Core.Problems;

namespace DataGateway.Gateway.Verification;

/// <summary>
/// A request refused by a pipeline step. Thrown only inside the pipeline and always caught
/// by it, so the refusal is audited and answered with its problem code.
/// </summary>
internal sealed class AdmissionException(ProblemCode code, string? detail = null, TimeSpan? retryAfter = null)
    : Exception(code.Code)
{
    public ProblemCode Code { get; } = code;

    public string? Detail { get; } = detail;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

namespace DataGateway.Gateway.Verification;

/// <summary>
/// A node answered outside the result schema. The reason goes to the alert log only; the
/// client gets the bare <c>egress_violation</c> problem.
/// </summary>
internal sealed class EgressViolationException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

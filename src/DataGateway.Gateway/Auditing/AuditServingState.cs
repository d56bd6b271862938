using DataGateway.Core.Problems;
using DataGateway.Gateway.Verification;
using Microsoft.Extensions.Options;

namespace DataGateway.Gateway.Auditing;

/// <summary>
/// Whether the audit log may back answers: not if the startup self-check found it corrupt (RELIABILITY.md A1),
/// and not once checkpoint signing has kept failing for longer than the grace (A10). Queries consult it before
/// any work; <c>/readyz</c> reports it.
/// </summary>
/// <remarks>
/// Staleness counts from the first failure of the current failure streak, not from the last checkpoint: a log that
/// does not grow needs no checkpoint, and a clock jump alone (tests advancing fake time) must not close the gateway.
/// </remarks>
internal sealed class AuditServingState(TimeProvider time, IOptions<CheckpointOptions> options)
{
    private readonly Lock _gate = new();
    private string? _corruptReason;
    private DateTimeOffset? _failingSince;

    /// <summary>Why the log was found corrupt (a stable reason code), or null.</summary>
    public string? CorruptReason
    {
        get
        {
            lock (_gate)
            {
                return _corruptReason;
            }
        }
    }

    /// <summary>When the current run of failed checkpoint attempts began, or null while checkpoints succeed.</summary>
    public DateTimeOffset? FailingSince
    {
        get
        {
            lock (_gate)
            {
                return _failingSince;
            }
        }
    }

    /// <summary>The problem every query gets now, or null when the log may back answers.</summary>
    public ProblemCode? Refusal
    {
        get
        {
            lock (_gate)
            {
                if (_corruptReason is not null)
                {
                    return ProblemCodes.AuditCorrupt;
                }

                return _failingSince is { } since && time.GetUtcNow() - since > options.Value.FailureGrace
                    ? ProblemCodes.AuditAnchorStale
                    : null;
            }
        }
    }

    /// <summary>Marks the log corrupt for the life of the process; only a restart after repair clears it.</summary>
    /// <param name="reason">A stable reason code, never record content.</param>
    public void MarkCorrupt(string reason)
    {
        lock (_gate)
        {
            _corruptReason ??= reason;
        }
    }

    /// <summary>A checkpoint covers the log (or nothing needed signing): the failure streak ends.</summary>
    public void CheckpointSucceeded()
    {
        lock (_gate)
        {
            _failingSince = null;
        }
    }

    /// <summary>Signing a checkpoint failed; starts the failure streak if none is running.</summary>
    public void CheckpointFailed()
    {
        lock (_gate)
        {
            _failingSince ??= time.GetUtcNow();
        }
    }

    /// <summary>Throws the refusal, if any, as an <see cref="AdmissionException"/> for pipelines that audit refusals.</summary>
    /// <exception cref="AdmissionException">The log may not back answers now.</exception>
    public void ThrowIfNotServing()
    {
        if (Refusal is { } refusal)
        {
            throw new AdmissionException(refusal);
        }
    }
}

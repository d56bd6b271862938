namespace DataGateway.Storage.Audit;

/// <summary>
/// The stored log failed an integrity check (the tail check on open, or the chain verifier).
/// The gateway refuses to serve (problem <c>audit_corrupt</c>, RELIABILITY.md A1).
/// </summary>
public sealed class AuditCorruptException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public AuditCorruptException()
        : base("The audit log failed its integrity check.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public AuditCorruptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying error.</param>
    public AuditCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

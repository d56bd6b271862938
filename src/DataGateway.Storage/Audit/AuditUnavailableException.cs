namespace DataGateway.Storage.Audit;

/// <summary>
/// The audit store could not make an entry durable (disk full, locked past the busy timeout, read-only, I/O error,
/// or the log is closed). Callers must fail closed: nothing may be released (RELIABILITY.md A9, problem
/// <c>audit_unavailable</c>).
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public AuditUnavailableException()
        : base("The audit log cannot record entries.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying store error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store error.</param>
    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

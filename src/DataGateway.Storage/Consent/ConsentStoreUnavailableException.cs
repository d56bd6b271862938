namespace DataGateway.Storage.Consent;

/// <summary>The consent store could not be read or written; callers refuse the request (fail closed).</summary>
public sealed class ConsentStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConsentStoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public ConsentStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ConsentStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

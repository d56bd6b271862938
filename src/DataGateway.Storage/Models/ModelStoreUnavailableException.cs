namespace DataGateway.Storage.Models;

/// <summary>The model store could not be read or written; callers refuse the request (fail closed).</summary>
public sealed class ModelStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelStoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public ModelStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ModelStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace DataGateway.Client.Scoring;

/// <summary>A plaintext model file is unreadable or does not describe a model the catalog can score.</summary>
public sealed class PlainModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PlainModelException()
    {
    }

    /// <summary>Creates the exception with a message naming the offending member.</summary>
    /// <param name="message">What is wrong, for the model's author.</param>
    public PlainModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, for the model's author.</param>
    /// <param name="innerException">The parser's error.</param>
    public PlainModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

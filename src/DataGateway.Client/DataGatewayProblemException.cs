namespace DataGateway.Client;

/// <summary>
/// The gateway refused a request: its RFC 9457 problem. The message holds status, code and
/// title only; it never carries the bearer token or request values.
/// </summary>
public sealed class DataGatewayProblemException : Exception
{
    /// <summary>Creates the exception from a problem's members.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The stable problem code (API.md "Errors"), e.g. <c>consent_required</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">The problem's detail, if any.</param>
    /// <param name="retryAfter">The wait the gateway asked for (Retry-After), if any.</param>
    public DataGatewayProblemException(int status, string code, string? title, string? detail = null, TimeSpan? retryAfter = null)
        : base($"The gateway refused the request: {status} {code}{(title is null ? string.Empty : " (" + title + ")")}.")
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The stable problem code; <c>unexpected_response</c> when the gateway sent no problem document.</summary>
    public string Code { get; }

    /// <summary>The problem's title.</summary>
    public string? Title { get; }

    /// <summary>The problem's detail.</summary>
    public string? Detail { get; }

    /// <summary>How long to wait before retrying, when the gateway said (429, 503).</summary>
    public TimeSpan? RetryAfter { get; }
}

using System.Text.Json;
using DataGateway.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Hosting.Problems;

/// <summary>
/// An RFC 9457 problem response carrying a stable <c>code</c> from <see cref="ProblemCodes"/>.
/// The detail is fixed text chosen by the caller and never includes request values.
/// </summary>
public sealed class Problem(ProblemCode code, string? detail = null, TimeSpan? retryAfter = null) : IResult, IStatusCodeHttpResult
{
    /// <summary>The media type of every error.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The problem code served.</summary>
    public ProblemCode Code { get; } = code;

    /// <inheritdoc />
    public int? StatusCode => Code.Status;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Code, detail, retryAfter);

    /// <summary>Writes a problem to a response that has not started.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemCode code, string? detail = null, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(code);
        var response = context.Response;
        response.StatusCode = code.Status;
        response.ContentType = MediaType;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("type", code.Type);
        writer.WriteString("title", code.Title);
        writer.WriteNumber("status", code.Status);
        writer.WriteString("code", code.Code);
        if (detail is not null)
        {
            writer.WriteString("detail", detail);
        }

        writer.WriteString("traceId", context.TraceIdentifier);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}

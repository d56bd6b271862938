using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Hosting.Responses;

/// <summary>Writes a small JSON answer in one piece with its Content-Length.</summary>
/// <remarks>
/// Serialising straight to the response stream makes Kestrel frame the body in chunks and the
/// receiving HttpClient (the gateway, for node answers) decode them; an answer of a few KB is
/// cheaper to serialise to one buffer and send with its length (bench/: verification route).
/// </remarks>
public static class JsonBody
{
    /// <summary>Sets the status and content type and writes <paramref name="value"/> as the whole body.</summary>
    public static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}

using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Node.Hosting;

/// <summary>Reads a request body into a pooled buffer, refusing anything over the limit.</summary>
internal static class BoundedBody
{
    /// <summary>The largest body the node reads (the gateway's requests are a few hundred bytes).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's length, or -1 when it is larger than <see cref="MaxBytes"/>; the buffer is rented and must be returned.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<(byte[] Buffer, int Length)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, MaxBytes, cancellationToken);

    /// <summary>As <see cref="ReadAsync(HttpRequest, CancellationToken)"/> with an endpoint's own limit (scores carry a model).</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The endpoint's limit.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<(byte[] Buffer, int Length)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], -1);
        }

        // One byte more than the limit tells an oversized chunked body from one that fits exactly.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        var length = 0;
        while (length <= maxBytes)
        {
            var read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return ([], -1);
    }

    public static void Return(byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

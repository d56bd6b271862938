using DataGateway.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Verification;

/// <summary>Reads a JSON request body whole, refusing other media types and bodies over the limit.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new AdmissionException(ProblemCodes.UnsupportedMediaType);
        }

        if (request.ContentLength > maxBytes)
        {
            throw new AdmissionException(ProblemCodes.PayloadTooLarge);
        }

        if (request.ContentLength is { } length)
        {
            // The usual case: one right-sized array, read exactly.
            var body = new byte[length];
            try
            {
                await request.Body.ReadExactlyAsync(body, cancellationToken);
            }
            catch (EndOfStreamException)
            {
                throw new AdmissionException(ProblemCodes.InvalidRequest, "The body ended before its declared length.");
            }

            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new AdmissionException(ProblemCodes.PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

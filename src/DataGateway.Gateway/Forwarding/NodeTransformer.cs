using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace DataGateway.Gateway.Forwarding;

/// <summary>
/// The transformer for gateway-to-node calls. Outbound, nothing of the client's request is
/// copied: no headers (so never its Authorization or cookies, RELIABILITY.md G6), no body;
/// the node gets the gateway's canonical body and its ticket. Inbound, the node's response is
/// captured for the egress guard and never streamed to the client.
/// </summary>
internal sealed class NodeTransformer : HttpTransformer
{
    public static readonly NodeTransformer Instance = new();

    /// <summary>The header that carries the node ticket.</summary>
    public const string TicketHeader = "DG-Ticket";

    private NodeTransformer()
    {
    }

    /// <summary>
    /// Puts the gateway's node body in place of the client's (already consumed) body: YARP
    /// streams the request body itself and refuses a replaced HttpContent.
    /// </summary>
    public static void PrepareRequest(HttpContext httpContext, NodeExchange exchange)
    {
        httpContext.Features.Set(exchange);
        httpContext.Request.Body = new MemoryStream(exchange.Body, writable: false);
        httpContext.Request.ContentLength = exchange.Body.Length;
        httpContext.Request.ContentType = "application/json";
    }

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        var exchange = httpContext.Features.Get<NodeExchange>() ?? throw new InvalidOperationException("No node exchange on this request.");
        proxyRequest.Method = HttpMethod.Post;
        proxyRequest.RequestUri = new Uri(destinationPrefix.TrimEnd('/') + exchange.Path, UriKind.Absolute);
        proxyRequest.Headers.Clear();
        proxyRequest.Headers.TryAddWithoutValidation(TicketHeader, exchange.Ticket);
        if (proxyRequest.Content is { } content)
        {
            content.Headers.Clear();
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = exchange.Body.Length;
        }

        return default;
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var exchange = httpContext.Features.Get<NodeExchange>() ?? throw new InvalidOperationException("No node exchange on this request.");
        if (proxyResponse is null)
        {
            return false;
        }

        exchange.ResponseStatus = (int)proxyResponse.StatusCode;
        exchange.ResponseContentType = proxyResponse.Content.Headers.ContentType?.MediaType;
        exchange.ResponseBody = await ReadBoundedAsync(proxyResponse.Content, exchange, cancellationToken);

        // Returning false keeps YARP from copying anything of the node's response to the client.
        return false;
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, NodeExchange exchange, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > exchange.ResponseCap)
        {
            exchange.ResponseTooLarge = true;
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);

        // A declared length is read exactly (one right-sized buffer); otherwise read up to the cap.
        var buffer = new byte[declared is { } length ? (int)length + 1 : exchange.ResponseCap + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        if (total > exchange.ResponseCap)
        {
            exchange.ResponseTooLarge = true;
            return null;
        }

        return buffer.AsSpan(0, total).ToArray();
    }
}

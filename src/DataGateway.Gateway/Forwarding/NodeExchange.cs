namespace DataGateway.Gateway.Forwarding;

/// <summary>
/// One request to a node and what came back, carried through YARP's forwarder on the
/// HttpContext so the transformer can fill it without holding per-request state itself.
/// </summary>
internal sealed class NodeExchange(string path, byte[] body, string ticket, int maxResponseBytes = NodeExchange.MaxResponseBytes)
{
    /// <summary>Largest node response read; anything longer is an egress violation (RELIABILITY.md G10).</summary>
    public const int MaxResponseBytes = 64 * 1024;

    /// <summary>This exchange's response cap: <see cref="MaxResponseBytes"/> unless the route's schema is larger (score batches).</summary>
    public int ResponseCap { get; } = maxResponseBytes;

    public string Path { get; } = path;

    public byte[] Body { get; } = body;

    public string Ticket { get; } = ticket;

    public int ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public byte[]? ResponseBody { get; set; }

    public bool ResponseTooLarge { get; set; }
}

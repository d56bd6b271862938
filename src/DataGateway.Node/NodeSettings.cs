using DataGateway.Dataset;

namespace DataGateway.Node;

/// <summary>How to run a data node.</summary>
public sealed class NodeSettings
{
    /// <summary>This node's id: the audience its tickets must name.</summary>
    public required string NodeId { get; init; }

    /// <summary>Directory holding <c>enterprises.db</c>; ignored when <see cref="Store"/> is set.</summary>
    public string DataDirectory { get; init; } = string.Empty;

    /// <summary>
    /// This node's ticket key, <see cref="DataGateway.Cryptography.Tickets.NodeTicketCodec.DeriveNodeKey"/> of the
    /// gateway's master secret and <see cref="NodeId"/>. The node never holds the master secret, so it
    /// cannot mint tickets for other nodes.
    /// </summary>
#pragma warning disable CA1819 // The key is handed over once at startup and copied by the verifier.
    public required byte[] TicketKey { get; init; }
#pragma warning restore CA1819

    /// <summary>Rolling JSON log directory; null logs to the console only.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Listen address(es), e.g. <c>http://127.0.0.1:0</c> for any free loopback port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>Clock skew tolerated on ticket issue and expiry times.</summary>
    public TimeSpan TicketSkew { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock tickets are checked against.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Decoded records kept in memory (about 1 KB each); 0 reads every record from the store.</summary>
    public int RecordCacheSize { get; init; } = 100_000;

    /// <summary>A store to serve instead of opening <see cref="DataDirectory"/> (tests, embedded nodes).</summary>
    public IEnterpriseStore? Store { get; init; }
}

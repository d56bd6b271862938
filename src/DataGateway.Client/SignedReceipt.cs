namespace DataGateway.Client;

/// <summary>The payload the gateway signs in an audit receipt (the gateway's ReceiptPayload).</summary>
internal sealed record SignedReceipt
{
    public required long EntryIndex { get; init; }

    public required string EntryHash { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public required string ResultDigest { get; init; }
}

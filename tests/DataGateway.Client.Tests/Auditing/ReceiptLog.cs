using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;
using DataGateway.Cryptography.Signing;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Merkle;
using Microsoft.Extensions.Time.Testing;

namespace DataGateway.Client.Tests.Auditing;

/// <summary>
/// A small audit log built with the server's own hashing (leaf hashes, chain hashes, Merkle tree, checkpoint signer),
/// and receipts signed the way the gateway's Attestor signs them.
/// </summary>
internal sealed class ReceiptLog : IDisposable
{
    public const string Origin = "datagateway.dev/audit";

    public static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<byte[]> _chain = [];

    public ReceiptLog(int entries)
    {
        var previous = AuditLeafEncoding.GenesisHash.ToArray();
        for (var i = 0; i < entries; i++)
        {
            var leaf = MerkleHash.Leaf(BitConverter.GetBytes(i));
            Leaves.Add(leaf);
            Tree.Append(leaf);
            previous = AuditLeafEncoding.ChainHash(previous, leaf);
            _chain.Add(previous);
        }
    }

    public EcSigningKey ReceiptKey { get; } = EcSigningKey.Generate();

    public NoteSigningKey LogKey { get; } = NoteSigningKey.Generate(Origin);

    public FakeTimeProvider Time { get; } = new(Start);

    public MemoryMerkleTree Tree { get; } = new();

    public List<byte[]> Leaves { get; } = [];

    public JsonWebKeySet Keys => new([ReceiptKey.PublicJwk]);

    public byte[] PreviousHash(int index) => index == 0 ? AuditLeafEncoding.GenesisHash.ToArray() : _chain[index - 1];

    /// <summary>A receipt for entry <paramref name="index"/> signed now with the given promise.</summary>
    public AuditReceipt Receipt(int index, TimeSpan? maxMergeDelay = null, string? origin = Origin, bool withPromise = true, EcSigningKey? key = null)
    {
        var signedAt = Time.GetUtcNow();
        var payload = new ReceiptPayload
        {
            EntryIndex = index,
            EntryHash = Base64Url.EncodeToString(_chain[index]),
            SignedAt = signedAt,
            ResultDigest = Base64Url.EncodeToString(SHA256.HashData([1, 2, 3])),
            LogOrigin = withPromise ? origin : null,
            IncludedBy = withPromise ? signedAt + (maxMergeDelay ?? TimeSpan.FromSeconds(10)) : null,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, ClientJson.Options);
        return new AuditReceipt
        {
            EntryIndex = payload.EntryIndex,
            EntryHash = payload.EntryHash,
            SignedAt = payload.SignedAt,
            LogOrigin = payload.LogOrigin,
            IncludedBy = payload.IncludedBy,
            Signature = CompactJws.Sign(bytes, key ?? ReceiptKey, ReceiptPayload.JwsType),
        };
    }

    /// <summary>A checkpoint of the first <paramref name="size"/> entries signed now.</summary>
    public string Checkpoint(long size, NoteSigningKey? key = null) =>
        new CheckpointSigner(key ?? LogKey, Origin, Time).Sign(null, size, MerkleProofs.Root(Tree, size)).Note!;

    public byte[][] Proof(long index, long size) => MerkleProofs.Inclusion(Tree, index, size);

    public void Dispose()
    {
        ReceiptKey.Dispose();
        LogKey.Dispose();
    }
}

using System.Buffers.Binary;

namespace DataGateway.Storage.Audit;

/// <summary>Reads the fields of one leaf in <see cref="AuditLeafEncoding"/> order, refusing anything malformed.</summary>
internal ref struct AuditLeafReader
{
    private const uint NullMarker = uint.MaxValue;
    private ReadOnlySpan<byte> _rest;

    public AuditLeafReader(ReadOnlySpan<byte> leaf) => _rest = leaf;

    public AuditLeaf ReadLeaf()
    {
        if (_rest.IsEmpty || _rest[0] != AuditLeafEncoding.Version)
        {
            throw new FormatException("Unknown audit leaf version.");
        }

        _rest = _rest[1..];
        var index = ReadInt64();
        var timestamp = ReadInt64();
        var entry = new AuditEntry
        {
            Actor = ReadRequired(),
            Role = ReadRequired(),
            Institution = ReadString(),
            Subject = ReadString(),
            Purpose = ReadString(),
            Kind = ReadRequired(),
            QueryHash = ReadString(),
            Decision = ReadRequired(),
            Reason = ReadRequired(),
            ConsentId = ReadString(),
            PolicyVersion = ReadString(),
            ResultDigest = ReadString(),
            Node = ReadString(),
            LatencyMicros = ReadInt64(),
            ClientRequestId = ReadString(),
            Predicates = ReadPredicates(),
        };
        if (!_rest.IsEmpty)
        {
            throw new FormatException("Trailing bytes after the audit leaf.");
        }

        return new AuditLeaf(index, timestamp, entry);
    }

    private string[] ReadPredicates()
    {
        var count = ReadUInt32();
        // Each predicate takes at least its 4-byte length, so a count beyond that is malformed, not a huge allocation.
        if (count > (uint)_rest.Length / 4)
        {
            throw new FormatException("Predicate count exceeds the leaf.");
        }

        var predicates = new string[count];
        for (var i = 0; i < predicates.Length; i++)
        {
            predicates[i] = ReadRequired();
        }

        return predicates;
    }

    private string ReadRequired() => ReadString() ?? throw new FormatException("A required audit field is null.");

    private string? ReadString()
    {
        var length = ReadUInt32();
        if (length == NullMarker)
        {
            return null;
        }

        if (length > (uint)_rest.Length)
        {
            throw new FormatException("String length exceeds the leaf.");
        }

        var bytes = _rest[..(int)length];
        _rest = _rest[(int)length..];
        try
        {
            return AuditLeafEncoding.DecodeUtf8(bytes);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("Invalid UTF-8 in audit leaf.", ex);
        }
    }

    private uint ReadUInt32()
    {
        if (_rest.Length < 4)
        {
            throw new FormatException("Truncated audit leaf.");
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(_rest);
        _rest = _rest[4..];
        return value;
    }

    private long ReadInt64()
    {
        if (_rest.Length < 8)
        {
            throw new FormatException("Truncated audit leaf.");
        }

        var value = BinaryPrimitives.ReadInt64BigEndian(_rest);
        _rest = _rest[8..];
        return value;
    }
}

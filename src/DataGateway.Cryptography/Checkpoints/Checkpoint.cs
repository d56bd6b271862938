using System.Globalization;
using System.Text;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>
/// A signed tree head in the C2SP checkpoint format (c2sp.org/tlog-checkpoint): origin, tree size, base64 root,
/// and, in this log, one extension line <c>timestamp &lt;unix milliseconds&gt;</c> so the signed head carries its time.
/// </summary>
/// <param name="Origin">The log's identity, e.g. <c>datagateway.example/audit</c>.</param>
/// <param name="TreeSize">Number of leaves.</param>
/// <param name="RootHash">The 32-byte RFC 9162 root.</param>
/// <param name="Timestamp">When the head was signed, millisecond precision; null if the line is absent.</param>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash, DateTimeOffset? Timestamp)
{
    /// <summary>Size of the root hash.</summary>
    public const int RootHashSizeInBytes = 32;

    private const string TimestampPrefix = "timestamp ";

    /// <summary>The note text (body) that is signed: every line ends with a newline.</summary>
    /// <returns>The body.</returns>
    public string FormatBody()
    {
        var body = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        if (Timestamp is { } timestamp)
        {
            body.Append(TimestampPrefix).Append(timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>Parses a verified note text; never throws.</summary>
    internal static CheckpointError TryParseBody(string text, string expectedOrigin, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        // The text ends with '\n', so the last split element is empty and every line before it must be non-empty.
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1].Length != 0 || lines[..^1].Any(l => l.Length == 0))
        {
            return CheckpointError.Malformed;
        }

        if (!string.Equals(lines[0], expectedOrigin, StringComparison.Ordinal))
        {
            return CheckpointError.OriginMismatch;
        }

        if (!TryParseCanonicalDecimal(lines[1], out var size))
        {
            return CheckpointError.InvalidTreeSize;
        }

        if (!TryParseRoot(lines[2], out var root))
        {
            return CheckpointError.InvalidRootHash;
        }

        DateTimeOffset? timestamp = null;
        var extensions = lines[3..^1];
        if (extensions.Length > 1)
        {
            return CheckpointError.UnsupportedExtension;
        }

        if (extensions.Length == 1)
        {
            if (!extensions[0].StartsWith(TimestampPrefix, StringComparison.Ordinal)
                || !TryParseCanonicalDecimal(extensions[0][TimestampPrefix.Length..], out var ms)
                || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return CheckpointError.UnsupportedExtension;
            }

            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        checkpoint = new Checkpoint(lines[0], size, root, timestamp);
        return CheckpointError.None;
    }

    /// <summary>ASCII decimal, no sign, no leading zeros (tlog-checkpoint "Note text" 2), within <see cref="long"/>.</summary>
    internal static bool TryParseCanonicalDecimal(string s, out long value)
    {
        value = 0;
        if (s.Length is 0 or > 19 || (s.Length > 1 && s[0] == '0'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            if (value > (long.MaxValue - (c - '0')) / 10)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryParseRoot(string s, out byte[] root)
    {
        root = [];
        Span<byte> buffer = stackalloc byte[RootHashSizeInBytes + 3];
        if (s.Length != 44 || !Convert.TryFromBase64String(s, buffer, out var written) || written != RootHashSizeInBytes)
        {
            return false;
        }

        root = buffer[..written].ToArray();
        // Refuse alternative spellings (non-zero padding bits), so one root has exactly one checkpoint text.
        return string.Equals(Convert.ToBase64String(root), s, StringComparison.Ordinal);
    }
}

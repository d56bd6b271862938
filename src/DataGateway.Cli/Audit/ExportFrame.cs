using System.Buffers.Text;
using System.Text.Json;
using DataGateway.Storage.Audit;

namespace DataGateway.Cli.Audit;

/// <summary>The header and closing checkpoint lines of an export (docs/audit-export.md), parsed strictly.</summary>
/// <param name="From">First exported index.</param>
/// <param name="To">One past the last exported index.</param>
/// <param name="TreeSize">The checkpoint's size.</param>
/// <param name="Hashes">Header: the left subtrees; trailer: the consistency proof from To to TreeSize.</param>
/// <param name="Note">Trailer only: the signed checkpoint note.</param>
internal sealed record ExportFrame(long From, long To, long TreeSize, byte[][] Hashes, string? Note)
{
    /// <summary>Parses the first line; null if it is not a header of this format.</summary>
    public static ExportFrame? TryReadHeader(ReadOnlySpan<byte> line) => TryRead(line, "header", "leftSubtrees");

    /// <summary>Parses the last line; null if it is not a checkpoint line.</summary>
    public static ExportFrame? TryReadTrailer(ReadOnlySpan<byte> line) => TryRead(line, "checkpoint", "consistency");

    private static ExportFrame? TryRead(ReadOnlySpan<byte> line, string type, string hashesName)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.GetProperty("type").GetString() != type)
            {
                return null;
            }

            var isHeader = type == "header";
            // Six members each; with every one looked up below, six also rules out duplicates.
            if (root.EnumerateObject().Count() != 6
                || (isHeader && root.GetProperty("format").GetString() != AuditExportFormat.FormatName))
            {
                return null;
            }

            var from = root.GetProperty("from").GetInt64();
            var to = root.GetProperty("to").GetInt64();
            var size = root.GetProperty("treeSize").GetInt64();
            if (from < 0 || from > to || to > size)
            {
                return null;
            }

            var hashes = new List<byte[]>();
            foreach (var element in root.GetProperty(hashesName).EnumerateArray())
            {
                var hash = Base64Url.DecodeFromChars(element.GetString());
                if (hash.Length != AuditLeafEncoding.HashSizeInBytes || hashes.Count >= 128)
                {
                    return null;
                }

                hashes.Add(hash);
            }

            var note = isHeader ? null : root.GetProperty("checkpoint").GetString();
            return isHeader || note is not null ? new ExportFrame(from, to, size, [.. hashes], note) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}

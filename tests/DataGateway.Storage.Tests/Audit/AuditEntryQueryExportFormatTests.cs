using System.Text;
using System.Text.Json;
using DataGateway.Storage.Audit;
using FsCheck;
using FsCheck.Xunit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>The export's entry lines: lossless round trip, one line per entry whatever the content, strict parsing.</summary>
public sealed class AuditEntryQueryExportFormatTests
{
    private static readonly StoredAuditEntry Row = new(
        41, DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_123), Some.Entry(41) with { Institution = null, Predicates = [] },
        Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("plain")]
    [InlineData("line1\r\nline2\n{\"type\":\"entry\",\"index\":0}")]
    [InlineData("nul\0and\u001b[31mansi")]
    [InlineData("bidi \u202Eevil\u202C \u2066x\u2069")]
    [InlineData("quote \" backslash \\ slash / 中文 😀")]
    public void WriteEntry_RoundTripsExactly_AsOneLine(string hostile)
    {
        var row = Row with { Entry = Row.Entry with { Actor = hostile, ClientRequestId = hostile, Predicates = [hostile, "x"] } };

        var line = Write(row);

        Assert.DoesNotContain((byte)'\n', line);
        Assert.DoesNotContain((byte)'\r', line);
        Assert.DoesNotContain((byte)0, line);
        Assert.All(line, b => Assert.True(b is >= 0x20 and < 0x7F, "only printable ASCII on the wire"));
        Assert.True(AuditExportEntryReader.IsEntryLine(line));
        Assert.True(AuditExportEntryReader.TryRead(line, out var read));
        Assert.Equal(row.Index, read!.Index);
        Assert.Equal(row.Timestamp, read.Timestamp);
        Assert.True(Some.SameEntry(row.Entry, read.Entry));
        Assert.Equal(row.PreviousHash, read.PreviousHash);
        Assert.Equal(row.EntryHash, read.EntryHash);
    }

    [Fact]
    public void WriteEntry_CarriesTheTreeLeafHash_OnlyWhenGiven()
    {
        var leaf = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();

        Assert.True(AuditExportEntryReader.TryRead(Write(Row, leaf), out var withLeaf, out var readLeaf));
        Assert.Equal(leaf, readLeaf);
        Assert.Equal(Row.EntryHash, withLeaf!.EntryHash);
        Assert.True(AuditExportEntryReader.TryRead(Write(Row), out _, out var none));
        Assert.Null(none);

        var shortLeaf = Encoding.UTF8.GetString(Write(Row, leaf)).Replace("\"leafHash\":\"", "\"leafHash\":\"AA", StringComparison.Ordinal);
        Assert.False(AuditExportEntryReader.TryRead(Encoding.UTF8.GetBytes(shortLeaf), out _, out _));
    }

    [Property(MaxTest = 300)]
    public bool WriteEntry_RoundTripsThroughTheReader_AsOnePrintableLine_ForArbitraryStrings(
        string? actor, string? subject, string? clientRequestId, string[]? predicates, long latency, NonNegativeInt index)
    {
        // As stored: the log normalises lone surrogates before hashing, so the export never sees them.
        var entry = AuditEntryNormalizer.Normalize(Row.Entry with
        {
            Actor = actor ?? string.Empty,
            Subject = subject,
            ClientRequestId = clientRequestId,
            LatencyMicros = latency,
            Predicates = (predicates ?? []).Select(p => p ?? string.Empty).ToArray(),
        }, 1 << 20);
        var row = Row with { Index = index.Get, Entry = entry };

        var line = Write(row);

        return line.All(b => b is >= 0x20 and < 0x7F)
            && AuditExportEntryReader.TryRead(line, out var read)
            && read!.Index == row.Index && Some.SameEntry(entry, read.Entry)
            && AuditLeafEncoding.Encode(read.Index, read.Timestamp.ToUnixTimeMilliseconds(), read.Entry)
                .AsSpan().SequenceEqual(AuditLeafEncoding.Encode(row.Index, row.Timestamp.ToUnixTimeMilliseconds(), entry));
    }

    public static TheoryData<string, string> Corruptions => new()
    {
        { "missing member", "\"node\":\"node-a\"," },
        { "null required member", "\"actor\":\"actor-41\"|\"actor\":null" },
        { "duplicate member", "\"kind\":\"verification\"|\"kind\":\"verification\",\"kind\":\"x\"" },
        { "unknown member", "\"kind\":\"verification\"|\"kind\":\"verification\",\"extra\":1" },
        { "type not first", "{\"type\":\"entry\",\"index\":41|{\"index\":41,\"type\":\"entry\"" },
        { "wrong type", "\"type\":\"entry\"|\"type\":\"header\"" },
        { "short hash", "\"prevHash\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"|\"prevHash\":\"AAEC\"" },
        { "index as string", "\"index\":41|\"index\":\"41\"" },
        { "predicate not a string", "\"predicates\":[]|\"predicates\":[1]" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void TryRead_RefusesMalformedLines(string why, string edit)
    {
        var text = Encoding.UTF8.GetString(Write(Row));
        var parts = edit.Split('|');
        var corrupted = parts.Length == 1 ? text.Replace(parts[0], string.Empty, StringComparison.Ordinal) : text.Replace(parts[0], parts[1], StringComparison.Ordinal);
        Assert.NotEqual(text, corrupted);

        Assert.False(AuditExportEntryReader.TryRead(Encoding.UTF8.GetBytes(corrupted), out _), why);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    public void TryRead_RefusesNonObjects(string line)
    {
        Assert.False(AuditExportEntryReader.TryRead(Encoding.UTF8.GetBytes(line), out _));
    }

    [Fact]
    public void TryRead_RefusesTrailingContent()
    {
        var line = Write(Row).Concat("{}"u8.ToArray()).ToArray();

        Assert.False(AuditExportEntryReader.TryRead(line, out _));
    }

    private static byte[] Write(StoredAuditEntry row, byte[]? leaf = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditExportFormat.WriteEntry(writer, row, leaf);
        }

        return buffer.ToArray();
    }
}

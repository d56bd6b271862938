using System.Security.Cryptography;
using DataGateway.Storage.Audit;
using FsCheck;
using FsCheck.Xunit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>RELIABILITY.md A11: the canonical leaf encoding is unambiguous, round-trips, and rejects malformed input.</summary>
public sealed class AuditLeafEncodingTests
{
    private const int NoCap = 1 << 20;

    private static readonly AuditEntry Minimal = new()
    {
        Actor = "a", Role = "b", Kind = "k", Decision = "d", Reason = "r", LatencyMicros = 5, Predicates = ["p"],
    };

    [Fact]
    public void Encode_ProducesTheDocumentedBytes_ForAMinimalEntry()
    {
        byte[] expected =
        [
            0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2,
            0, 0, 0, 1, (byte)'a', 0, 0, 0, 1, (byte)'b',
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0, 0, 0, 1, (byte)'k', 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, (byte)'d', 0, 0, 0, 1, (byte)'r',
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0, 0, 0, 0, 0, 0, 0, 5, 0xFF, 0xFF, 0xFF, 0xFF,
            0, 0, 0, 1, 0, 0, 0, 1, (byte)'p',
        ];

        var leaf = AuditLeafEncoding.Encode(1, 2, Minimal);

        Assert.Equal(expected, leaf);
        Assert.Equal(SHA256.HashData([0x00, .. leaf]), AuditLeafEncoding.LeafHash(leaf));
        var leafHash = AuditLeafEncoding.LeafHash(leaf);
        Assert.Equal(SHA256.HashData([0x02, .. new byte[32], .. leafHash]), AuditLeafEncoding.ChainHash(new byte[32], leafHash));
    }

    [Fact]
    public void LeafHash_Differs_WhenTheSameTextIsSplitDifferentlyAcrossFields()
    {
        var abC = AuditLeafEncoding.Encode(0, 0, Minimal with { Actor = "ab", Role = "c" });
        var aBc = AuditLeafEncoding.Encode(0, 0, Minimal with { Actor = "a", Role = "bc" });
        var predicatesAbC = AuditLeafEncoding.Encode(0, 0, Minimal with { Predicates = ["ab", "c"] });
        var predicatesABc = AuditLeafEncoding.Encode(0, 0, Minimal with { Predicates = ["a", "bc"] });

        Assert.NotEqual(AuditLeafEncoding.LeafHash(abC), AuditLeafEncoding.LeafHash(aBc));
        Assert.NotEqual(AuditLeafEncoding.LeafHash(predicatesAbC), AuditLeafEncoding.LeafHash(predicatesABc));
    }

    [Fact]
    public void Encode_DistinguishesNullFromEmpty()
    {
        var nullNode = AuditLeafEncoding.Encode(0, 0, Minimal with { Node = null });
        var emptyNode = AuditLeafEncoding.Encode(0, 0, Minimal with { Node = "" });

        Assert.NotEqual(nullNode, emptyNode);
        Assert.Null(AuditLeafEncoding.Decode(nullNode).Entry.Node);
        Assert.Equal("", AuditLeafEncoding.Decode(emptyNode).Entry.Node);
    }

    [Property(MaxTest = 300)]
    public bool Decode_RoundTripsEncode_ForArbitraryStrings(
        string? actor, string? institution, string? node, string[]? predicates, long latency, long timestamp, NonNegativeInt index)
    {
        var entry = AuditEntryNormalizer.Normalize(Minimal with
        {
            Actor = actor ?? "",
            Institution = institution,
            Node = node,
            LatencyMicros = latency,
            Predicates = (predicates ?? []).Select(p => p ?? "").ToArray(),
        }, NoCap);

        var leaf = AuditLeafEncoding.Decode(AuditLeafEncoding.Encode(index.Get, timestamp, entry));

        return leaf.Index == index.Get && leaf.TimestampUnixMilliseconds == timestamp && Some.SameEntry(entry, leaf.Entry);
    }

    [Property(MaxTest = 300)]
    public bool Encode_IsEqual_OnlyWhenTheFieldsAreEqual_ForEverySplitOfOneText(NonNull<string> text, NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d)
    {
        var s = text.Get;
        var first = Split(s, a.Get % (s.Length + 1), b.Get % (s.Length + 1));
        var second = Split(s, c.Get % (s.Length + 1), d.Get % (s.Length + 1));

        var sameBytes = AuditLeafEncoding.Encode(0, 0, first).AsSpan().SequenceEqual(AuditLeafEncoding.Encode(0, 0, second));

        return sameBytes == Some.SameEntry(first, second);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x02, 0, 0, 0, 0, 0, 0, 0, 1 })]
    public void Decode_ThrowsFormatException_WhenTheVersionIsWrongOrMissing(byte[] bytes) =>
        Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode(bytes));

    [Fact]
    public void Decode_ThrowsFormatException_WhenTheLeafIsTruncatedOrHasTrailingBytes()
    {
        var leaf = AuditLeafEncoding.Encode(1, 2, Minimal);

        for (var length = 0; length < leaf.Length; length++)
        {
            Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode(leaf.AsSpan(0, length)));
        }

        Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode([.. leaf, 0]));
    }

    [Fact]
    public void Decode_ThrowsFormatException_WhenALengthOrUtf8IsForged()
    {
        var leaf = AuditLeafEncoding.Encode(1, 2, Minimal);
        var hugeLength = (byte[])leaf.Clone();
        hugeLength[17] = 0x7F; // the actor's length now claims ~2 GB
        var badUtf8 = (byte[])leaf.Clone();
        badUtf8[21] = 0xC3; // a lead byte with no continuation
        var hugeCount = (byte[])leaf.Clone();
        hugeCount[^9] = 0x7F; // the predicate count now claims ~2 billion

        Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode(hugeLength));
        Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode(badUtf8));
        Assert.Throws<FormatException>(() => AuditLeafEncoding.Decode(hugeCount));
    }

    [Fact]
    public void Cap_TruncatesAndMarks_WithoutSplittingASurrogatePair()
    {
        var cut = 256 - AuditEntryNormalizer.TruncationMarker.Length;
        var text = new string('x', cut - 1) + "\U0001F600" + new string('y', 100);

        var capped = AuditEntryNormalizer.Cap(text, 256);

        Assert.Equal(new string('x', cut - 1) + AuditEntryNormalizer.TruncationMarker, capped);
        Assert.True(capped.Length <= 256);
    }

    [Fact]
    public void Cap_ReplacesLoneSurrogates_SoThatTheTextSurvivesUtf8()
    {
        Assert.Equal("a\uFFFDb\uFFFD\U0001F600", AuditEntryNormalizer.Cap("a\uD800b\uDC00\U0001F600", 256));
    }

    [Fact]
    public void Encode_ThrowsArgumentException_WhenAStringHoldsALoneSurrogate() =>
        Assert.ThrowsAny<ArgumentException>(() => AuditLeafEncoding.Encode(0, 0, Minimal with { Actor = "\uD800" }));

    private static AuditEntry Split(string s, int i, int j)
    {
        var (lo, hi) = (Math.Min(i, j), Math.Max(i, j));
        return AuditEntryNormalizer.Normalize(
            Minimal with { Actor = s[..lo], Role = s[lo..hi], Institution = s[hi..] }, NoCap);
    }
}

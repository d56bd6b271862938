using System.Text;
using DataGateway.Cli.Audit;

namespace DataGateway.IntegrationTests;

/// <summary>The verifier's byte-level line reader: lines across buffer refills, growth, caps, CRLF, no final newline.</summary>
public sealed class AuditExportLineReaderTests
{
    [Fact]
    public void TryReadLine_ReturnsEveryLineExactly_AcrossRefillsAndGrowth()
    {
        var big = new string('x', 3 * 1024 * 1024);
        var lines = new[] { "first", big, string.Empty, "crlf", "last-without-newline" };
        var text = $"{lines[0]}\n{lines[1]}\n\n{lines[3]}\r\n{lines[4]}";
        var reader = new NdjsonLineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var read = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            read.Add(Encoding.UTF8.GetString(line));
        }

        Assert.Equal(lines, read);
        Assert.Equal(5, reader.LineNumber);
    }

    [Fact]
    public void TryReadLine_RefusesALineLongerThanTheCap_InsteadOfGrowingWithoutBound()
    {
        var reader = new NdjsonLineReader(new MemoryStream(new byte[(4 * 1024 * 1024) + 1]), maxLineBytes: 2 * 1024 * 1024);

        Assert.Throws<InvalidDataException>(() => reader.TryReadLine(out _));
    }

    [Fact]
    public void TryReadLine_ReturnsFalse_OnAnEmptyStream()
    {
        Assert.False(new NdjsonLineReader(new MemoryStream()).TryReadLine(out _));
    }
}

namespace DataGateway.Cli.Audit;

/// <summary>
/// Reads newline-terminated lines as UTF-8 bytes from a stream without decoding them to strings, so a
/// million-line export costs one buffer, not a million strings. A line longer than the cap is an error, not an
/// unbounded allocation.
/// </summary>
internal sealed class NdjsonLineReader(Stream stream, int maxLineBytes = NdjsonLineReader.DefaultMaxLineBytes)
{
    /// <summary>The default cap: far above any entry the log stores (capped fields, escaped six bytes a char).</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Lines returned so far.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line without its <c>\n</c> (and without a trailing <c>\r</c>).</summary>
    /// <param name="line">The line; valid until the next call.</param>
    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">A line exceeds the cap.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanFrom + newline;
                line = Trim(_buffer.AsSpan(_start, lineEnd - _start));
                _start = lineEnd + 1;
                LineNumber++;
                return true;
            }

            scanFrom = _end;
            if (_eof)
            {
                // A last line without a newline still counts; an export always ends with one.
                line = Trim(_buffer.AsSpan(_start, _end - _start));
                var any = _end > _start;
                _start = _end;
                LineNumber += any ? 1 : 0;
                return any;
            }

            scanFrom -= _start;
            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxLineBytes)
            {
                throw new InvalidDataException($"Line {LineNumber + 1} is longer than {maxLineBytes} bytes.");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes));
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace DataGateway.Cryptography.Checkpoints;

/// <summary>
/// Splits and checks a C2SP signed note (c2sp.org/signed-note "Format"): text ending in a newline, a blank line,
/// then one or more lines <c>— name base64(keyid || signature)</c>. Never throws; anything off-format is refused.
/// </summary>
internal static class SignedNote
{
    /// <summary>Em dash (U+2014) and a space: the start of every signature line.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>Upper bound on a note we parse at all: far above a checkpoint, far below memory pressure.</summary>
    public const int MaxNoteLength = 64 * 1024;

    /// <summary>The spec asks verifiers to accept at least 16 signatures and to bound the count.</summary>
    public const int MaxSignatures = 100;

    /// <summary>Text rules: non-empty, ends in a newline, no control characters but newline, no lone surrogates.</summary>
    public static bool IsValidText(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxNoteLength && text[^1] == '\n' && HasOnlyAllowedCharacters(text);

    /// <summary>Parses <paramref name="note"/> into its signed text and signature lines.</summary>
    public static CheckpointError TryParse(string? note, out string text, out List<NoteSignature> signatures)
    {
        text = string.Empty;
        signatures = [];
        if (note is null)
        {
            return CheckpointError.Malformed;
        }

        if (note.Length > MaxNoteLength)
        {
            return CheckpointError.TooLarge;
        }

        if (note.Length == 0 || note[^1] != '\n' || !HasOnlyAllowedCharacters(note))
        {
            return CheckpointError.Malformed;
        }

        // The text is separated from the signatures by the LAST empty line; the text itself may contain empty lines.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || split + 2 >= note.Length)
        {
            return CheckpointError.Malformed;
        }

        text = note[..(split + 1)];
        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            return CheckpointError.TooLarge;
        }

        foreach (var line in lines)
        {
            if (!TryParseSignatureLine(line, out var signature))
            {
                return CheckpointError.Malformed;
            }

            signatures.Add(signature);
        }

        return CheckpointError.None;
    }

    private static bool TryParseSignatureLine(string line, out NoteSignature signature)
    {
        signature = default;
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!NoteKeyName.IsValid(name) || !TryDecodeCanonicalBase64(encoded, out var payload) || payload.Length < 5)
        {
            return false;
        }

        signature = new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]);
        return true;
    }

    // Convert tolerates embedded whitespace and non-zero padding bits; re-encoding refuses every alternative spelling.
    private static bool TryDecodeCanonicalBase64(string encoded, out byte[] bytes)
    {
        bytes = [];
        if (encoded.Length == 0 || encoded.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[encoded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return string.Equals(Convert.ToBase64String(bytes), encoded, StringComparison.Ordinal);
    }

    private static bool HasOnlyAllowedCharacters(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x20 && c != '\n')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                // A lone surrogate cannot be encoded as UTF-8, so it cannot be part of a valid note.
                if (!char.IsHighSurrogate(c) || i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>Strict UTF-8 decoding for notes read as bytes.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        text = string.Empty;
        if (bytes.Length > MaxNoteLength * 3)
        {
            return false;
        }

        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

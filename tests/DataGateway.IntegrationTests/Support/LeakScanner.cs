using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// Looks for secret values in every file under a directory, as someone with disk access would: raw bytes
/// of every file (logs, SQLite files and their WAL/journal, free pages included), and every cell of every
/// table of every SQLite database, so an integer stored in SQLite's binary record format is found too.
/// </summary>
/// <remarks>
/// Numbers match as whole tokens (maximal runs of <c>[0-9A-Za-z._]</c>, the sign being a separator), so a
/// value is found as <c>7319884</c>, <c>-7319884</c> or <c>"x":7319884.0</c> but not inside a timestamp, a hex
/// digest or a base64 string. Long opaque values (ciphertexts) match as substrings in every encoding.
/// </remarks>
public sealed class LeakScanner
{
    private readonly List<(string Label, string Token)> _tokens = [];
    private readonly List<(string Label, byte[] Bytes, bool Registered)> _substrings = [];
    private readonly List<(string Label, long Value)> _integers = [];

    /// <summary>A number in every form it could be written or stored: decimal token, SQLite integer, fixed-width binary in a blob.</summary>
    public LeakScanner Integer(string label, long value)
    {
        _tokens.Add((label, Math.Abs(value).ToString(CultureInfo.InvariantCulture)));
        _integers.Add((label, value));
        return this;
    }

    /// <summary>A decimal (a weight as the bank wrote it), matched as a token.</summary>
    public LeakScanner Decimal(string label, decimal value)
    {
        _tokens.Add((label, Math.Abs(value).ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    /// <summary>
    /// A ciphertext (base64url): also as base64, hex and raw bytes. A registered one is allowed in the
    /// models registry's own row and nowhere else.
    /// </summary>
    public LeakScanner Ciphertext(string label, string base64Url, bool registered)
    {
        var bytes = Convert.FromBase64String(base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4));
        _substrings.Add((label, Encoding.UTF8.GetBytes(base64Url), registered));
        _substrings.Add((label + " (base64)", Encoding.UTF8.GetBytes(Convert.ToBase64String(bytes)), registered));
        _substrings.Add((label + " (hex)", Encoding.UTF8.GetBytes(Convert.ToHexStringLower(bytes)), registered));
        _substrings.Add((label + " (HEX)", Encoding.UTF8.GetBytes(Convert.ToHexString(bytes)), registered));
        _substrings.Add((label + " (bytes)", bytes, registered));
        return this;
    }

    /// <summary>Every finding under <paramref name="root"/> as "file: where: label"; empty when nothing leaked.</summary>
    /// <param name="root">The directory to scan, recursively.</param>
    /// <param name="registry">The one database whose <c>models</c> table may hold the registered ciphertexts.</param>
    public List<string> Scan(string root, string registry)
    {
        var findings = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var registryFile = Path.GetFileName(file).StartsWith(Path.GetFileName(registry), StringComparison.Ordinal)
                && string.Equals(Path.GetDirectoryName(file), Path.GetDirectoryName(registry), StringComparison.Ordinal);
            findings.AddRange(ScanBytes(bytes, registryFile).Select(label => $"{file}: bytes: {label}"));
            if (bytes.AsSpan().StartsWith("SQLite format 3\0"u8))
            {
                findings.AddRange(ScanDatabase(file, registryFile).Select(label => $"{file}: {label}"));
            }
        }

        return findings;
    }

    private IEnumerable<string> ScanBytes(byte[] bytes, bool registryFile)
    {
        var tokens = Tokens(bytes);
        foreach (var (label, token) in _tokens)
        {
            if (tokens.Contains(token))
            {
                yield return label;
            }
        }

        // The registry's file holds the registered ciphertexts by design; its cells are checked table by table.
        foreach (var (label, needle, registered) in _substrings)
        {
            if (!(registered && registryFile) && bytes.AsSpan().IndexOf(needle) >= 0)
            {
                yield return label;
            }
        }
    }

    private List<string> ScanDatabase(string file, bool registryFile)
    {
        var findings = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var table in Tables(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var where = $"{table}.{reader.GetName(i)}";
                    var allowed = registryFile && table == "models" && reader.GetName(i) is "weights" or "bias";
                    findings.AddRange(ScanCell(reader.IsDBNull(i) ? null : reader.GetValue(i), allowed).Select(label => $"{where}: {label}"));
                }
            }
        }

        return findings;
    }

    private IEnumerable<string> ScanCell(object? value, bool registeredAllowed)
    {
        switch (value)
        {
            case long integer:
                foreach (var (label, _) in _integers.Where(n => n.Value == integer))
                {
                    yield return label;
                }

                break;
            case double real:
                foreach (var (label, _) in _tokens.Where(t => t.Token == Math.Abs(real).ToString(CultureInfo.InvariantCulture)))
                {
                    yield return label;
                }

                break;
            case string text:
                foreach (var label in ScanBytes(Encoding.UTF8.GetBytes(text), registeredAllowed))
                {
                    yield return label;
                }

                break;
            case byte[] blob:
                foreach (var label in ScanBytes(blob, registeredAllowed).Concat(BinaryIntegers(blob)))
                {
                    yield return label;
                }

                break;
        }
    }

    private List<string> BinaryIntegers(byte[] blob)
    {
        var found = new List<string>();
        var buffer = new byte[8];
        foreach (var (label, value) in _integers)
        {
            var fits32 = value is >= int.MinValue and <= int.MaxValue;
            BinaryPrimitives.WriteInt64BigEndian(buffer, value);
            var big = blob.AsSpan().IndexOf(buffer) >= 0 || (fits32 && blob.AsSpan().IndexOf(buffer.AsSpan(4)) >= 0);
            BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
            var little = blob.AsSpan().IndexOf(buffer) >= 0 || (fits32 && blob.AsSpan().IndexOf(buffer.AsSpan(0, 4)) >= 0);
            if (big || little)
            {
                found.Add(label + " (binary)");
            }
        }

        return found;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Maximal runs of [0-9A-Za-z._], each also without trailing ".0…" so 7319884.0 reads as 7319884.</summary>
    private static HashSet<string> Tokens(byte[] bytes)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= bytes.Length; i++)
        {
            var inToken = i < bytes.Length && (char.IsAsciiLetterOrDigit((char)bytes[i]) || bytes[i] is (byte)'.' or (byte)'_');
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var token = Encoding.ASCII.GetString(bytes, start, i - start).Trim('.');
                tokens.Add(token);
                var dot = token.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && token.AsSpan(dot + 1).TrimEnd('0').IsEmpty)
                {
                    tokens.Add(token[..dot]);
                }

                start = -1;
            }
        }

        return tokens;
    }
}

using System.Text.Json;

namespace DataGateway.Cryptography.Signing;

/// <summary>Strict parsing of a JWS protected header (RFC 7515 §4).</summary>
internal static class JwsHeaderReader
{
    // Key-locating and semantics-changing members are refused outright: a verifier that selects
    // keys only by kid from its own set must never be pointed elsewhere (ASVS 5.0 §9.1.3,
    // RELIABILITY.md G1), and "crit"/"b64" (RFC 7797) change how the payload is read.
    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "crit", "b64", "zip", "enc",
    };

    /// <summary>
    /// Reads alg, kid and typ. Fails on invalid JSON or UTF-8, a non-object, duplicate member
    /// names (compared after unescaping, RFC 7515 §4: "MUST reject"), refused members, or
    /// alg/kid/typ of the wrong JSON type. Other members are ignored as RFC 7515 §4 asks.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, out JwsHeader? header)
    {
        header = null;
        try
        {
            return TryReadCore(json, out header);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on invalid UTF-8 or escapes that decode to lone surrogates.
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> json, out JwsHeader? header)
    {
        header = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        string? alg = null, kid = null, typ = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!names.Add(name) || Refused.Contains(name) || !reader.Read())
            {
                return false;
            }

            switch (name)
            {
                case "alg" or "kid" or "typ" when reader.TokenType != JsonTokenType.String:
                    return false;
                case "alg":
                    alg = reader.GetString();
                    break;
                case "kid":
                    kid = reader.GetString();
                    break;
                case "typ":
                    typ = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || alg is null)
        {
            return false;
        }

        header = new JwsHeader(alg, kid, typ);
        return true;
    }
}

using System.Text;
using System.Text.Json;

namespace DataGateway.Cryptography.Signing;

/// <summary>A JWK Set (RFC 7517 §5): what GET /.well-known/jwks.json publishes.</summary>
/// <param name="Keys">The public keys; kids are unique.</param>
public sealed record JsonWebKeySet(IReadOnlyList<JsonWebKey> Keys)
{
    /// <summary>Longest JWKS document accepted by <see cref="TryParse"/>.</summary>
    public const int MaximumLengthInChars = 256 * 1024;

    /// <summary>The key with this kid, or null.</summary>
    public JsonWebKey? Find(string kid)
    {
        foreach (var key in Keys)
        {
            if (string.Equals(key.Kid, kid, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Serialises as {"keys":[…]} with absent members omitted.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", key.Kty);
                writer.WriteString("crv", key.Crv);
                writer.WriteString("x", key.X);
                WriteOptional(writer, "y", key.Y);
                writer.WriteString("kid", key.Kid);
                WriteOptional(writer, "use", key.Use);
                WriteOptional(writer, "alg", key.Alg);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Parses a JWKS strictly; never throws. Refuses invalid JSON, duplicate member names,
    /// private key members ("d"), duplicate or missing kids, and EC keys that are not valid
    /// P-256 points. Keys of types not understood here are skipped (RFC 7517 §5).
    /// </summary>
    public static bool TryParse(string? json, out JsonWebKeySet? set)
    {
        set = null;
        if (json is null || json.Length > MaximumLengthInChars)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("keys", out var keysElement) ||
                keysElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var keys = new List<JsonWebKey>();
            var kids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in keysElement.EnumerateArray())
            {
                if (!JsonWebKeyReader.TryRead(element, out var key, out var understood))
                {
                    return false;
                }

                if (understood && key is not null)
                {
                    if (!kids.Add(key.Kid))
                    {
                        return false;
                    }

                    keys.Add(key);
                }
            }

            set = new JsonWebKeySet(keys);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

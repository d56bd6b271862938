using System.Text.Json;

namespace DataGateway.Cryptography.Signing;

/// <summary>Reads one member of a JWK Set strictly.</summary>
internal static class JsonWebKeyReader
{
    /// <summary>
    /// False when the element is malformed or must not be in a public set; true with
    /// <paramref name="understood"/> false for a well-formed key of a type skipped here.
    /// </summary>
    public static bool TryRead(JsonElement element, out JsonWebKey? key, out bool understood)
    {
        key = null;
        understood = false;
        if (element.ValueKind != JsonValueKind.Object ||
            !TryGetString(element, "kty", required: true, out var kty) ||
            element.TryGetProperty("d", out _))
        {
            // A "d" member means private key material was published by mistake: refuse the set
            // loudly rather than quietly ignore it.
            return false;
        }

        if (kty is not (JsonWebKey.EllipticCurveKeyType or JsonWebKey.OctetKeyPairKeyType))
        {
            return true;
        }

        if (!TryGetString(element, "crv", required: true, out var crv) ||
            !TryGetString(element, "x", required: true, out var x) ||
            !TryGetString(element, "y", required: kty == JsonWebKey.EllipticCurveKeyType, out var y) ||
            !TryGetString(element, "kid", required: true, out var kid) || kid!.Length == 0 ||
            !TryGetString(element, "use", required: false, out var use) ||
            !TryGetString(element, "alg", required: false, out var alg))
        {
            return false;
        }

        var candidate = new JsonWebKey(kty, crv!, x!, y, kid, use, alg);
        if (kty == JsonWebKey.EllipticCurveKeyType && !candidate.IsEs256Key)
        {
            // Another curve, algorithm or use: not for us, skipped like an unknown key type.
            return true;
        }

        if (kty == JsonWebKey.EllipticCurveKeyType)
        {
            if (!EcVerificationKey.TryGetParameters(candidate, out _))
            {
                return false;
            }
        }
        else if (crv != JsonWebKey.Ed25519Curve || y is not null ||
                 !Base64UrlCanonical.TryDecode(x, out var raw) || raw.Length != 32)
        {
            return false;
        }

        key = candidate;
        understood = true;
        return true;
    }

    private static bool TryGetString(JsonElement element, string name, bool required, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property))
        {
            return !required;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString();
        return true;
    }
}

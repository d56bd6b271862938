using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client;

/// <summary>Checks a consent receipt: a valid gateway signature of type dg-consent+jwt over exactly the grant shown.</summary>
public static class ConsentReceiptVerifier
{
    /// <summary>True when the receipt verifies against <paramref name="keys"/> and signs the same grant as <paramref name="view"/>.</summary>
    /// <param name="view">A grant as answered by grant or revoke (with its receipt).</param>
    /// <param name="keys">The gateway's JWKS.</param>
    /// <returns>Whether the receipt proves the grant.</returns>
    public static bool Verify(ConsentView view, JsonWebKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(keys);
        if (CompactJws.Verify(view.Receipt, keys, out var payload, out var header) != JwsStatus.Valid ||
            header?.Typ != ConsentView.ReceiptType || payload is null)
        {
            return false;
        }

        try
        {
            var signed = JsonSerializer.Deserialize<ConsentView>(payload, ClientJson.Options);
            // Compared as canonical JSON: the lists inside make record equality reference-based.
            return signed is not null && signed.Receipt is null &&
                JsonSerializer.Serialize(signed, ClientJson.Options) == JsonSerializer.Serialize(view with { Receipt = null }, ClientJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

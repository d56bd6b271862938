using DataGateway.Cli.Connection;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cli.Audit;

/// <summary>Loads the log's checkpoint keys (the JWKS's Ed25519 OKP keys) and saved checkpoints for <c>dg audit</c>.</summary>
internal static class AuditKeys
{
    /// <summary>The gateway's checkpoint origin (and note key name).</summary>
    public const string DefaultOrigin = "datagateway.dev/audit";

    /// <summary>Reads a JWKS from a file or an http(s) URL and keeps its Ed25519 keys, named <paramref name="origin"/>.</summary>
    /// <param name="fileOrUrl">A path or an absolute http(s) URL.</param>
    /// <param name="origin">The note key name.</param>
    /// <param name="caPath">A PEM CA to trust for an https URL (development), or null.</param>
    /// <param name="ct">Cancels the download.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="InvalidDataException">The JWKS cannot be read, or holds no Ed25519 key.</exception>
    public static async Task<IReadOnlyCollection<NoteVerificationKey>> LoadAsync(string fileOrUrl, string origin, string? caPath, CancellationToken ct)
    {
        string json;
        try
        {
            if (Uri.TryCreate(fileOrUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            {
                using var handler = new SocketsHttpHandler();
                if (caPath is not null)
                {
                    var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(caPath, ct));
                    handler.SslOptions.RemoteCertificateValidationCallback = new DevCaTrust(ca).Validate;
                }

                using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
                json = await http.GetStringAsync(url, ct);
            }
            else
            {
                json = await File.ReadAllTextAsync(fileOrUrl, ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException
            or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidDataException($"--jwks {fileOrUrl}: cannot be read ({e.GetType().Name}).", e);
        }

        if (!JsonWebKeySet.TryParse(json, out var set))
        {
            throw new InvalidDataException($"--jwks {fileOrUrl}: not a valid JWK set.");
        }

        var keys = new List<NoteVerificationKey>();
        foreach (var jwk in set!.Keys)
        {
            if (jwk.Kty == JsonWebKey.OctetKeyPairKeyType && NoteVerificationKey.TryFromJsonWebKey(origin, jwk, out var key))
            {
                keys.Add(key!);
            }
        }

        return keys.Count > 0 ? keys : throw new InvalidDataException($"--jwks {fileOrUrl}: no Ed25519 (OKP) checkpoint key.");
    }

    /// <summary>Reads a saved checkpoint note and verifies it: a saved file that does not verify is never compared with.</summary>
    /// <param name="path">The file <c>dg audit checkpoint save</c> wrote.</param>
    /// <param name="origin">The log's origin.</param>
    /// <param name="keys">The checkpoint keys.</param>
    /// <returns>The checkpoint and its note text.</returns>
    /// <exception cref="InvalidDataException">The file cannot be read or does not verify.</exception>
    public static (Checkpoint Checkpoint, string Note) ReadSaved(string path, string origin, IReadOnlyCollection<NoteVerificationKey> keys)
    {
        string note;
        try
        {
            note = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.GetType().Name}).", e);
        }

        var error = CheckpointVerifier.Verify(note, origin, keys, out var checkpoint);
        return error == CheckpointError.None
            ? (checkpoint!, note)
            : throw new InvalidDataException($"{path}: the saved checkpoint does not verify ({error}).");
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataGateway.Cli.Connection;

/// <summary>
/// The options every command that talks to a gateway shares (API.md "The dg command"):
/// <c>--gateway</c>, <c>--token</c>, <c>--ca</c>, <c>--json</c>; and <c>--client-cert</c>/<c>--client-key</c>
/// for a gateway that binds institutions to their TLS client certificates.
/// </summary>
/// <param name="getEnvironmentVariable">Reads DG_GATEWAY and DG_TOKEN (tests pass a fake).</param>
internal sealed class GatewayOptions(Func<string, string?> getEnvironmentVariable)
{
    /// <summary>The gateway used when neither --gateway nor DG_GATEWAY says otherwise.</summary>
    public const string DefaultGateway = "https://127.0.0.1:8443";

    // Defaults come from the environment at run time, not through DefaultValueFactory: help
    // prints default values, and it must never print a token.
    public Option<string?> Gateway { get; } = new("--gateway") { Description = $"Gateway URL (default $DG_GATEWAY, else {DefaultGateway})." };

    public Option<string?> Token { get; } = new("--token") { Description = "Bearer token (default $DG_TOKEN)." };

    public Option<string?> Ca { get; } = new("--ca") { Description = "PEM file of a CA to trust for the gateway's certificate (e.g. certs-dev/ca.crt.pem)." };

    public Option<string?> ClientCertificate { get; } = new("--client-cert") { Description = "PEM file of the institution's TLS client certificate (e.g. certs-dev/client-bank-001.crt.pem); needs --client-key." };

    public Option<string?> ClientKey { get; } = new("--client-key") { Description = "PEM file of the client certificate's private key." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Gateway);
        command.Add(Token);
        command.Add(Ca);
        command.Add(ClientCertificate);
        command.Add(ClientKey);
        command.Add(Json);
    }

    /// <summary>The bearer token from --token or DG_TOKEN; null when neither is set.</summary>
    public string? TokenOf(ParseResult parse) =>
        NonEmpty(parse.GetValue(Token)) ?? NonEmpty(getEnvironmentVariable("DG_TOKEN"));

    /// <summary>
    /// Builds an HttpClient for the gateway; false with a message when the URL or the CA file is unusable.
    /// </summary>
    public bool TryCreateHttpClient(ParseResult parse, out HttpClient? client, out string? error)
    {
        client = null;
        error = null;
        var url = NonEmpty(parse.GetValue(Gateway)) ?? NonEmpty(getEnvironmentVariable("DG_GATEWAY")) ?? DefaultGateway;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseAddress) ||
            baseAddress.Scheme is not ("https" or "http"))
        {
            error = "--gateway must be an absolute http(s) URL.";
            return false;
        }

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (NonEmpty(parse.GetValue(Ca)) is { } caPath)
        {
            X509Certificate2 ca;
            try
            {
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                handler.Dispose();
                error = $"--ca {caPath}: not a readable PEM certificate.";
                return false;
            }

            handler.SslOptions.RemoteCertificateValidationCallback = new DevCaTrust(ca).Validate;
        }

        if (!TryAddClientCertificate(parse, handler, out error))
        {
            handler.Dispose();
            return false;
        }

        client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return true;
    }

    private bool TryAddClientCertificate(ParseResult parse, SocketsHttpHandler handler, out string? error)
    {
        error = null;
        var (certificatePath, keyPath) = (NonEmpty(parse.GetValue(ClientCertificate)), NonEmpty(parse.GetValue(ClientKey)));
        if (certificatePath is null && keyPath is null)
        {
            return true;
        }

        if (certificatePath is null || keyPath is null)
        {
            error = "--client-cert and --client-key go together.";
            return false;
        }

        try
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPemFile(certificatePath, keyPath)];
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            error = $"--client-cert {certificatePath}: not a readable PEM certificate whose key is in --client-key.";
            return false;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

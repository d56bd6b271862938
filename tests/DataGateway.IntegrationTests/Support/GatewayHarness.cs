using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.Tickets;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Hosting;
using DataGateway.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// A real gateway and a real data node on loopback ports, talking HTTP with tickets, as
/// `dg serve` runs them. Tests may swap the node for a <see cref="StubNode"/>.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    private WebApplication? _node;
    private WebApplication? _gateway;
    private Action<WebApplicationBuilder>? _configureGateway;
    private ClientCertificateSettings? _clientCertificates;
    private TimeSpan? _nodeTimeout;

    private GatewayHarness(string workDirectory, string policiesDirectory, TimeProvider time, StubNode? stub, bool autoConsent)
    {
        WorkDirectory = workDirectory;
        PoliciesDirectory = policiesDirectory;
        Time = time;
        Stub = stub;
        AutoConsent = autoConsent;
    }

    /// <summary>Whether <see cref="Client"/> grants consent before each verification (<see cref="AutoConsentHandler"/>).</summary>
    public bool AutoConsent { get; }

    public string WorkDirectory { get; }

    public string PoliciesDirectory { get; }

    public string AuditDatabasePath => Path.Combine(WorkDirectory, "audit.db");

    /// <summary>Where the gateway and node write their rolling JSON logs (under <see cref="WorkDirectory"/>); null when they log to the console only.</summary>
    public string? LogDirectory { get; private set; }

    public TimeProvider Time { get; }

    public StubNode? Stub { get; }

    public HttpClient Client { get; private set; } = new();

    public string GatewayAddress => _gateway!.Urls.First();

    internal IServiceProvider GatewayServices => _gateway!.Services;

    /// <summary>The real node's services; null when a stub stands in for it.</summary>
    internal IServiceProvider? NodeServices => _node?.Services;

    internal DataGateway.Gateway.Policies.PolicyStore Policies => _gateway!.Services.GetRequiredService<DataGateway.Gateway.Policies.PolicyStore>();

    // autoConsent: true for tests that are not about consent; the owner grants it through the real API before each verification.
    // configureGateway: extra host configuration (e.g. Audit:Checkpoints settings), applied at every (re)start.
    // logToFiles: the gateway and node also write their JSON log files under WorkDirectory/logs (leak scans).
    // clientCertificates: the gateway listens on HTTPS with the dev server certificate and binds institutions to client certificates.
    // nodeTimeout: the deadline of one node call (GatewaySettings.NodeTimeout), shortened by the node-fault tests.
    public static async Task<GatewayHarness> StartAsync(
        TimeProvider? time = null, StubNode? stub = null, string? policiesDirectory = null, bool autoConsent = true, Action<WebApplicationBuilder>? configureGateway = null,
        bool logToFiles = false, ClientCertificateSettings? clientCertificates = null, TimeSpan? nodeTimeout = null)
    {
        var harness = new GatewayHarness(TestMaterial.NewTempDirectory("gateway"), policiesDirectory ?? TestMaterial.CopyPolicies(), time ?? TimeProvider.System, stub, autoConsent);
        harness._configureGateway = configureGateway;
        harness._clientCertificates = clientCertificates;
        harness._nodeTimeout = nodeTimeout;
        if (clientCertificates is not null && autoConsent)
        {
            throw new ArgumentException("The HTTPS harness grants no consent by itself: start it with autoConsent false.", nameof(autoConsent));
        }

        harness.LogDirectory = logToFiles ? Directory.CreateDirectory(Path.Combine(harness.WorkDirectory, "logs")).FullName : null;
        await harness.StartNodeAsync();
        await harness.StartGatewayAsync();
        return harness;
    }

    public async Task RestartGatewayAsync()
    {
        await _gateway!.DisposeAsync();
        await StartGatewayAsync();
    }

    /// <summary>A client over HTTPS that trusts only the dev CA and presents <paramref name="clientCertificate"/>, if any.</summary>
    public HttpClient HttpsClient(X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server &&
            CertificateChains.IssuedBy(server, TestMaterial.Keys.CaCertificate, CertificateChains.ServerAuthOid, TimeProvider.System.GetUtcNow());
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return new HttpClient(handler) { BaseAddress = new Uri(GatewayAddress) };
    }

    public string TokenFor(string role = Roles.Institution, string? institution = "bank-001", string? uscc = null) =>
        DevTokenMinter.Mint(TestMaterial.Keys.TokenSigningKey, role, role == Roles.Institution ? institution : null, uscc, TimeSpan.FromHours(1), TimeProvider.System);

    public HttpRequestMessage Send(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public HttpRequestMessage Post(string path, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public HttpRequestMessage PostRaw(string path, string json, string? token, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, mediaType) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    private async Task StartNodeAsync()
    {
        if (Stub is not null)
        {
            return;
        }

        _node = NodeApplication.Build(new NodeSettings
        {
            NodeId = "node-1",
            DataDirectory = TestMaterial.DataDirectory,
            TicketKey = NodeTicketCodec.DeriveNodeKey(TestMaterial.Keys.TicketSecret, "node-1"),
            Urls = "http://127.0.0.1:0",
            Time = Time,
            LogDirectory = LogDirectory,
        });
        await _node.StartAsync();
    }

    private async Task StartGatewayAsync()
    {
        var keys = TestMaterial.Keys;
        var nodeAddress = Stub?.Address ?? _node!.Urls.First();
        _gateway = await GatewayApplication.BuildAsync(new GatewaySettings
        {
            Urls = _clientCertificates is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0",
            ServerCertificate = _clientCertificates is null ? null : keys.ServerCertificate,
            ClientCertificates = _clientCertificates,
            PoliciesDirectory = PoliciesDirectory,
            AuditDatabasePath = AuditDatabasePath,
            LogDirectory = LogDirectory,
            TokenValidationKey = TokenValidationKeys.FromPublicPem(keys.TokenSigningKey.ExportPublicKeyPem()),
            AttestationKey = keys.AttestationKey,
            TicketSecret = keys.TicketSecret,
            PlatformHmacKey = keys.PlatformHmacKey,
            CheckpointSeed = keys.CheckpointSeed,
            Nodes = [new NodeEndpoint("node-1", nodeAddress)],
            NodeTimeout = _nodeTimeout ?? TimeSpan.FromSeconds(10),
            Time = Time,
            EnvironmentName = "Development",
        }, builder =>
        {
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
            _configureGateway?.Invoke(builder);
        });
        await _gateway.StartAsync();
        Client.Dispose();
        Client = _clientCertificates is not null ? HttpsClient(clientCertificate: null)
            : AutoConsent ? new HttpClient(new AutoConsentHandler(this)) { BaseAddress = new Uri(GatewayAddress) }
            : new HttpClient { BaseAddress = new Uri(GatewayAddress) };
    }
}

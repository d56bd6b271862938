using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Hosting;
using DataGateway.Node;
using Microsoft.Extensions.Hosting;

namespace DataGateway.Cli.Serving;

/// <summary>
/// Runs one gateway and one embedded node in this process. They still talk HTTP over
/// loopback with tickets, exactly as separate machines would, so the embedded default
/// exercises the same trust boundary as a deployment.
/// </summary>
internal static class EmbeddedServer
{
    /// <summary>The id of the embedded node (ticket audience).</summary>
    public const string NodeId = "node-1";

    /// <summary>Institutions the development material issues client certificates for.</summary>
    public static readonly IReadOnlyList<string> DevInstitutions = ["bank-001", "bank-002"];

    public static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development";
        if (string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("dg serve uses development key material (certs-dev/) and is refused in Production.");
            return 2;
        }

        using var material = DevKeyMaterial.EnsureCreated(options.CertsDirectory, DevInstitutions, TimeProvider.System, line => Console.Error.WriteLine("certs: " + line));
        EnsureDataset(options, material);

        await using var node = NodeApplication.Build(new NodeSettings
        {
            NodeId = NodeId,
            DataDirectory = options.DataDirectory,
            TicketKey = NodeTicketCodec.DeriveNodeKey(material.TicketSecret, NodeId),
            Urls = options.NodeUrls,
            LogDirectory = Path.Combine(options.DataDirectory, "logs"),
        });
        await node.StartAsync(cancellationToken);
        var nodeAddress = node.Urls.First();

        await using var gateway = await GatewayApplication.BuildAsync(new GatewaySettings
        {
            Urls = options.Urls,
            PoliciesDirectory = options.PoliciesDirectory,
            AuditDatabasePath = Path.Combine(options.DataDirectory, "audit.db"),
            LogDirectory = Path.Combine(options.DataDirectory, "logs"),
            TokenValidationKey = TokenValidationKeys.FromPublicPem(material.TokenSigningKey.ExportPublicKeyPem()),
            AttestationKey = material.AttestationKey,
            TicketSecret = material.TicketSecret,
            PlatformHmacKey = material.PlatformHmacKey,
            CheckpointSeed = material.CheckpointSeed,
            ServerCertificate = material.ServerCertificate,
            ClientCertificates = options.ClientCertificates == ClientCertificatePolicy.Off
                ? null
                : new ClientCertificateSettings(material.CaCertificate, options.ClientCertificates == ClientCertificatePolicy.Required),
            Nodes = [new NodeEndpoint(NodeId, nodeAddress)],
            EnvironmentName = environment,
        });
        await gateway.StartAsync(cancellationToken);
        foreach (var url in gateway.Urls)
        {
            // One stable line per address: scripts and the crash tests read the bound port from it.
            Console.WriteLine("DataGateway listening on " + url);
        }

        await gateway.WaitForShutdownAsync(cancellationToken);
        await node.StopAsync(CancellationToken.None);
        return 0;
    }

    private static void EnsureDataset(ServeOptions options, DevKeyMaterial material)
    {
        if (File.Exists(Path.Combine(options.DataDirectory, DatasetWriter.FileName)))
        {
            return;
        }

        var asOf = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays((TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).Days)).AddDays(-1);
        Console.Error.WriteLine($"dataset: generating {options.Enterprises:N0} enterprises (seed {options.Seed}) into {options.DataDirectory}/");
        DatasetWriter.Write(
            options.DataDirectory,
            new DatasetSpec(options.Enterprises, options.Seed, asOf),
            new PersonalDataHmac(material.PlatformHmacKey),
            new ConsoleProgress("dataset"));
    }
}

using System.CommandLine;
using DataGateway.Cli.Serving;

namespace DataGateway.Cli.Commands;

/// <summary><c>dg serve</c>: the gateway with an embedded data node, ready on a fresh clone.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Directory of the node's dataset and the audit log.", DefaultValueFactory = _ => "data" };
        var certs = new Option<string>("--certs") { Description = "Development key material (created on first run).", DefaultValueFactory = _ => "certs-dev" };
        var policies = new Option<string>("--policies") { Description = "Policy directory.", DefaultValueFactory = _ => "policies" };
        var urls = new Option<string>("--urls") { Description = "Gateway listen addresses.", DefaultValueFactory = _ => "https://127.0.0.1:8443" };
        var nodeUrls = new Option<string>("--node-urls") { Description = "The embedded node's loopback listen address.", DefaultValueFactory = _ => "http://127.0.0.1:0" };
        var enterprises = new Option<int>("--enterprises") { Description = "Enterprises to generate on first run.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated dataset.", DefaultValueFactory = _ => 20250101UL };
        var clientCertificates = new Option<ClientCertificatePolicy>("--client-certs")
        {
            Description = "Institutions' TLS client certificates from the dev CA: optional (one presented must match the token's inst), required, or off.",
            DefaultValueFactory = _ => ClientCertificatePolicy.Optional,
        };

        var command = new Command("serve", "Run the gateway and an embedded data node; on first run create dev certificates and a generated dataset.")
        {
            data, certs, policies, urls, nodeUrls, enterprises, seed, clientCertificates,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedServer.RunAsync(
            new ServeOptions(
                parse.GetValue(data)!, parse.GetValue(certs)!, parse.GetValue(policies)!, parse.GetValue(urls)!,
                parse.GetValue(nodeUrls)!, parse.GetValue(enterprises), parse.GetValue(seed), parse.GetValue(clientCertificates)),
            cancellationToken));
        return command;
    }
}

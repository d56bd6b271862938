using System.CommandLine;
using DataGateway.Cryptography.Keys;

namespace DataGateway.Cli.Commands;

/// <summary><c>dg certs dev</c>: development CA, server and client certificates, token and attestation keys.</summary>
internal static class CertsCommand
{
    /// <summary>Institutions that get a development client certificate.</summary>
    public static readonly IReadOnlyList<string> DevInstitutions = ["bank-001", "bank-002"];

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Directory of the development key material.", DefaultValueFactory = _ => "certs-dev" };
        var dev = new Command("dev", "Create whatever development key material is missing (never overwrites).") { output };
        dev.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var created = new List<string>();
            using var material = DevKeyMaterial.EnsureCreated(parse.GetValue(output)!, DevInstitutions, TimeProvider.System, created.Add);
            foreach (var file in created)
            {
                stdout.WriteLine("created " + file);
            }

            stdout.WriteLine(created.Count == 0
                ? $"{material.Directory}: complete, nothing to create."
                : $"{material.Directory}: {created.Count} file(s) created.");
            stdout.WriteLine($"Trust the development CA with --ca {material.CaCertificatePath}");
            return ExitCodes.Success;
        });

        return new Command("certs", "Development key material.") { dev };
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cli.Commands;

/// <summary><c>dg token</c>: prints a development JWT signed with certs-dev/token-signing.key.pem.</summary>
internal static class TokenCommand
{
    private const string TokenSigningKeyFile = "token-signing.key.pem";

    /// <param name="getEnvironmentVariable">Reads the environment (tests pass a fake to try Production).</param>
    public static Command Create(Func<string, string?> getEnvironmentVariable)
    {
        var role = new Option<string>("--role") { Description = "institution, owner, auditor or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. DevTokenMinter.Roles]);
        var institution = new Option<string?>("--inst") { Description = "Institution id (role institution), e.g. bank-001." };
        var uscc = new Option<string?>("--uscc") { Description = "The enterprise's unified social credit code (role owner)." };
        var subject = new Option<string?>("--sub") { Description = "The principal id (sub); derived from the role by default." };
        var ttl = new Option<string>("--ttl") { Description = "Lifetime: 90s, 15m, 1h, 7d.", DefaultValueFactory = _ => "1h" };
        var bindCertificate = new Option<string?>("--bind-cert") { Description = "PEM client certificate the token is bound to (RFC 8705 cnf): it works only on a TLS connection holding that certificate." };
        var certs = new Option<string>("--certs") { Description = "Development key material directory.", DefaultValueFactory = _ => "certs-dev" };

        var command = new Command("token", "Print a development bearer token (refused in Production).")
        {
            role, institution, uscc, subject, ttl, bindCertificate, certs,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (DevEnvironment.IsProduction(getEnvironmentVariable))
            {
                stderr.WriteLine("dg token mints development tokens and is refused in Production.");
                return ExitCodes.Usage;
            }

            if (!LifetimeParser.TryParse(parse.GetValue(ttl), out var lifetime))
            {
                stderr.WriteLine("--ttl must be a positive number followed by s, m, h or d (e.g. 1h).");
                return ExitCodes.Usage;
            }

            var (roleValue, inst, code) = (parse.GetValue(role)!, parse.GetValue(institution), parse.GetValue(uscc));
            if (DevTokenMinter.Validate(roleValue, inst, code, lifetime) is { } problem)
            {
                stderr.WriteLine(problem);
                return ExitCodes.Usage;
            }

            string? thumbprint = null;
            if (parse.GetValue(bindCertificate) is { Length: > 0 } certificatePath)
            {
                try
                {
                    using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
                    thumbprint = CertificateChains.Sha256Thumbprint(certificate);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
                {
                    stderr.WriteLine($"--bind-cert {certificatePath}: not a readable PEM certificate.");
                    return ExitCodes.Usage;
                }
            }

            var keyPath = Path.Combine(parse.GetValue(certs)!, TokenSigningKeyFile);
            if (!File.Exists(keyPath))
            {
                stderr.WriteLine($"{keyPath} does not exist; create development key material with `dg certs dev`.");
                return ExitCodes.Usage;
            }

            EcSigningKey key;
            try
            {
                key = EcSigningKey.FromPem(File.ReadAllText(keyPath));
            }
            catch (CryptographicException)
            {
                stderr.WriteLine($"{keyPath} is not a P-256 private key.");
                return ExitCodes.Usage;
            }

            using (key)
            {
                parse.InvocationConfiguration.Output.WriteLine(
                    DevTokenMinter.Mint(key, roleValue, inst, code, lifetime, TimeProvider.System, parse.GetValue(subject), thumbprint));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

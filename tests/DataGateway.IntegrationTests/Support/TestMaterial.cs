using DataGateway.Cryptography.Keys;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;

namespace DataGateway.IntegrationTests.Support;

/// <summary>
/// Key material and a small generated dataset, made once per test run: both are immutable,
/// so sharing them keeps tests independent while saving the generation time.
/// </summary>
public static class TestMaterial
{
    public const int Enterprises = 400;
    public const ulong Seed = 7;
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    private static readonly Lazy<(string Root, DevKeyMaterial Keys, string Data)> Shared = new(Create);

    public static DevKeyMaterial Keys => Shared.Value.Keys;

    public static string DataDirectory => Shared.Value.Data;

    public static string CertsDirectory => Path.Combine(Shared.Value.Root, "certs");

    public static DatasetSpec Spec => new(Enterprises, Seed, AsOf);

    /// <summary>The repository's shipped policies.</summary>
    public static string RepositoryPolicies => Path.Combine(RepositoryRoot(), "policies");

    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string CopyPolicies()
    {
        var target = NewTempDirectory("policies");
        foreach (var file in Directory.GetFiles(RepositoryPolicies, "*.yaml"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>
    /// Marks every purpose of a policy copy <c>consentRequired: false</c>, for tests explicitly not about
    /// consent (a crash load over hundreds of subjects); never used by a test that checks admission.
    /// </summary>
    public static void DisableConsent(string policiesDirectory)
    {
        var purposes = Path.Combine(policiesDirectory, "purposes.yaml");
        var lines = File.ReadAllLines(purposes).SelectMany(line => line.TrimStart().StartsWith("- id:", StringComparison.Ordinal)
            ? new[] { line, new string(' ', line.IndexOf('-', StringComparison.Ordinal) + 2) + "consentRequired: false" }
            : new[] { line });
        File.WriteAllLines(purposes, lines);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataGateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static (string, DevKeyMaterial, string) Create()
    {
        var root = NewTempDirectory("material");
        var keys = DevKeyMaterial.EnsureCreated(Path.Combine(root, "certs"), ["bank-001", "bank-002"], TimeProvider.System);
        var data = Path.Combine(root, "data");
        DatasetWriter.Write(data, new DatasetSpec(Enterprises, Seed, AsOf), new PersonalDataHmac(keys.PlatformHmacKey));
        return (root, keys, data);
    }
}

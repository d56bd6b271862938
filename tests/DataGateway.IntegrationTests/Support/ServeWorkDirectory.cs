namespace DataGateway.IntegrationTests.Support;

/// <summary>A private copy of certificates, dataset and policies for one `dg serve` child process.</summary>
public static class ServeWorkDirectory
{
    /// <summary>Copies the shared test material into a new directory; <paramref name="adjustPolicies"/> may edit the policy copy.</summary>
    public static string Prepare(string name, Action<string>? adjustPolicies = null)
    {
        var work = TestMaterial.NewTempDirectory(name);
        CopyDirectory(TestMaterial.CertsDirectory, Path.Combine(work, "certs"));
        CopyDirectory(TestMaterial.DataDirectory, Path.Combine(work, "data"));
        CopyDirectory(TestMaterial.RepositoryPolicies, Path.Combine(work, "policies"));
        adjustPolicies?.Invoke(Path.Combine(work, "policies"));
        return work;
    }

    /// <summary>Raises the per-subject verification limit out of reach, for runs about durability rather than limits.</summary>
    public static void LiftVerificationLimit(string policies)
    {
        var limits = Path.Combine(policies, "limits.yaml");
        File.WriteAllText(limits, File.ReadAllText(limits).Replace("perSubjectPredicate: 10", "perSubjectPredicate: 100000", StringComparison.Ordinal));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}

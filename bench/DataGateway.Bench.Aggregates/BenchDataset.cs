using System.Security.Cryptography;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;
using DataGateway.Dataset.Storage;

namespace DataGateway.Bench.Aggregates;

/// <summary>The bench population, generated once and cached: the same spec always gives the same records.</summary>
internal static class BenchDataset
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public static void Ensure(string directory, int enterprises)
    {
        if (File.Exists(Path.Combine(directory, DatasetWriter.FileName)))
        {
            return;
        }

        Console.WriteLine($"generating {enterprises:N0} enterprises into {directory} (cached for later runs)...");
        // Aggregates never read the legal representatives' HMACs, so a throwaway key will do.
        var hmac = new PersonalDataHmac(RandomNumberGenerator.GetBytes(32));
        DatasetWriter.Write(directory, new DatasetSpec(enterprises, DatasetSpec.DefaultSeed, AsOf), hmac);
    }
}

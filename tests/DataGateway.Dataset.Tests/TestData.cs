using System.Text.Json;
using DataGateway.Core.Records;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Dataset.Generation;

namespace DataGateway.Dataset.Tests;

internal static class TestData
{
    public static readonly DateOnly AsOf = new(2025, 1, 1);

    public static readonly PersonalDataHmac Hmac = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static DatasetSpec Spec(int count, ulong seed = DatasetSpec.DefaultSeed) => new(count, seed, AsOf);

    public static List<EnterpriseRecord> Generate(int count, ulong seed = DatasetSpec.DefaultSeed) =>
        EnterpriseGenerator.Generate(Spec(count, seed), Hmac).ToList();

    /// <summary>Every property of a record, for whole-record equality.</summary>
    public static string Snapshot(EnterpriseRecord record) => JsonSerializer.Serialize(record);

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-dataset-tests", Path.GetRandomFileName());
        Directory.CreateDirectory(path);
        return path;
    }
}

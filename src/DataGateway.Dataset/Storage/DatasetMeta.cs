namespace DataGateway.Dataset.Storage;

/// <summary>Keys of the dataset's <c>meta</c> table.</summary>
internal static class DatasetMeta
{
    public const string AsOfKey = "asOf";
    public const string SeedKey = "seed";
    public const string CountKey = "count";
    public const string GeneratorVersionKey = "generatorVersion";
}

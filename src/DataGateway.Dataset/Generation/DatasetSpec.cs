namespace DataGateway.Dataset.Generation;

/// <summary>What to generate: the same spec always gives the same dataset.</summary>
/// <param name="Count">Number of enterprises, at least 1.</param>
/// <param name="Seed">Seed of the reference stream (the reference script's <c>seed</c>).</param>
/// <param name="AsOf">The date the data is current to; registration dates count back from it.</param>
public sealed record DatasetSpec(int Count, ulong Seed, DateOnly AsOf)
{
    /// <summary>The reference script's default seed.</summary>
    public const ulong DefaultSeed = 20250101;

    /// <summary>Version of the generator's formulas, stored in the dataset's meta table.</summary>
    public const string GeneratorVersion = "synth-sme-1";
}

namespace DataGateway.Dataset.Generation;

/// <summary>A generated legal representative. Only the HMACs of these values are stored.</summary>
/// <param name="Name">A Chinese name from small surname and given-name tables.</param>
/// <param name="IdNumber">An 18-character resident ID number valid under GB 11643 (ISO 7064 mod 11-2).</param>
public sealed record SyntheticPerson(string Name, string IdNumber);

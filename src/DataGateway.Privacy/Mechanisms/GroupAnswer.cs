namespace DataGateway.Privacy.Mechanisms;

/// <summary>
/// One group's answer. Released and suppressed answers have the same shape; a suppressed one
/// carries no value (API.md "Aggregates").
/// </summary>
/// <param name="Suppressed">Whether the group is withheld.</param>
/// <param name="Value">The noisy value when released; null when suppressed.</param>
public readonly record struct GroupAnswer(bool Suppressed, decimal? Value)
{
    /// <summary>A withheld group.</summary>
    public static GroupAnswer Withheld => new(true, null);

    /// <summary>A released group.</summary>
    public static GroupAnswer Released(decimal value) => new(false, value);
}

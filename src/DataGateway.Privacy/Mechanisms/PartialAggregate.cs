namespace DataGateway.Privacy.Mechanisms;

/// <summary>
/// A group's exact count and clamped sum, before noise. Partials from several nodes combine
/// by addition, and noise is added once at the gateway (issue 6, "Speed").
/// </summary>
/// <param name="Count">Records in the group.</param>
/// <param name="ClampedSum">Sum of the records' values, each clamped to the field's bounds first.</param>
public readonly record struct PartialAggregate(long Count, Int128 ClampedSum)
{
    /// <summary>The partial of an empty group.</summary>
    public static PartialAggregate Empty => default;

    /// <summary>Builds a partial from raw values, clamping each before it is added.</summary>
    public static PartialAggregate Of(IEnumerable<long> values, ContributionBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(values);
        var partial = Empty;
        foreach (var value in values)
        {
            partial = partial.Add(value, bounds);
        }

        return partial;
    }

    /// <summary>Adds one record's value, clamped first.</summary>
    // Int128 holds 2⁶³ clamped longs without overflow, so checked never throws on real data.
    public PartialAggregate Add(long value, ContributionBounds bounds) =>
        new(checked(Count + 1), checked(ClampedSum + bounds.Clamp(value)));

    /// <summary>Combines two disjoint partials of the same group.</summary>
    public PartialAggregate Combine(PartialAggregate other) =>
        new(checked(Count + other.Count), checked(ClampedSum + other.ClampedSum));
}

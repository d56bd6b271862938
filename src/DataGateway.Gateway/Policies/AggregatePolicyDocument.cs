namespace DataGateway.Gateway.Policies;

/// <summary>The YAML shape of the <c>aggregates</c> section.</summary>
internal sealed class AggregatePolicyDocument
{
    public List<string>? Institutions { get; set; }

    public string? Period { get; set; }

    /// <summary>Decimal text, parsed exactly into micro-epsilon (never through a double).</summary>
    public string? BudgetCap { get; set; }

    /// <summary>Decimal text, parsed exactly into micro-epsilon.</summary>
    public string? MaxEpsilonPerQuery { get; set; }

    public long? MinGroupSize { get; set; }

    public long? NoisyThreshold { get; set; }

    public int? MaxGroupBy { get; set; }

    public int? MaxGroups { get; set; }

    public Dictionary<string, FieldBoundsDocument?>? Fields { get; set; }
}

/// <summary>Clamp bounds of one field, in its integer encoding.</summary>
internal sealed class FieldBoundsDocument
{
    public long? Lower { get; set; }

    public long? Upper { get; set; }
}

namespace DataGateway.Gateway.Policies;

/// <summary>
/// The YAML shape of the files in <c>policies/</c>. Each file sets one or more top-level
/// sections; a section set by two files is an error.
/// </summary>
internal sealed class PolicyDocument
{
    public List<PurposeDocument>? Purposes { get; set; }

    public List<InstitutionDocument>? Institutions { get; set; }

    public Dictionary<string, Dictionary<string, List<object>>?>? Predicates { get; set; }

    public LimitsDocument? Limits { get; set; }

    /// <summary>Encrypted-scoring rules (policies/models.yaml); absent means <see cref="ModelPolicy.Default"/>.</summary>
    public ModelsDocument? Models { get; set; }

    /// <summary>Private aggregate rules (policies/aggregates.yaml); absent means no institution may aggregate.</summary>
    public AggregatePolicyDocument? Aggregates { get; set; }
}

internal sealed class PurposeDocument
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    /// <summary>Whether queries for this purpose need the subject's consent; default true.</summary>
    public bool? ConsentRequired { get; set; }

    /// <summary>Longest consent term for this purpose, in days; default 365.</summary>
    public int? MaxTermDays { get; set; }

    /// <summary>Data categories a consent for this purpose may cover; default every category.</summary>
    public List<string>? Categories { get; set; }
}

internal sealed class InstitutionDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string>? Purposes { get; set; }

    public List<string>? Predicates { get; set; }
}

internal sealed class LimitsDocument
{
    public VerificationLimitsDocument? Verification { get; set; }
}

internal sealed class VerificationLimitsDocument
{
    public int? PerSubjectPredicate { get; set; }

    public string? Period { get; set; }

    public int? MaxChecksPerRequest { get; set; }
}

using System.Collections.Frozen;

namespace DataGateway.Gateway.Policies;

/// <summary>
/// One validated, immutable policy snapshot. Requests read the snapshot current when they
/// start, so a reload never changes the rules under a request in flight.
/// </summary>
/// <param name="Version">Hash of the policy files; recorded in every audit entry and attestation.</param>
/// <param name="Purposes">Purposes defined by policy.</param>
/// <param name="Institutions">Registered institutions by id.</param>
/// <param name="Predicates">Predicates offered, with the parameter values policy allows.</param>
/// <param name="Verification">Verification query limits.</param>
/// <param name="PurposeRules">Consent rules of each purpose, keyed like <paramref name="Purposes"/>.</param>
internal sealed record GatewayPolicy(
    string Version,
    FrozenSet<string> Purposes,
    FrozenDictionary<string, InstitutionPolicy> Institutions,
    FrozenDictionary<string, PredicatePolicy> Predicates,
    VerificationLimits Verification,
    FrozenDictionary<string, PurposePolicy> PurposeRules)
{
    /// <summary>Encrypted-scoring rules (policies/models.yaml).</summary>
    public ModelPolicy Models { get; init; } = ModelPolicy.Default;

    /// <summary>Private aggregate rules (policies/aggregates.yaml); disabled when the section is absent.</summary>
    public AggregatePolicy Aggregates { get; init; } = AggregatePolicy.Disabled;
}

/// <summary>The consent rules of one purpose (DOMAIN.md "Consent and retention").</summary>
/// <param name="Id">The purpose id.</param>
/// <param name="ConsentRequired">Whether a query for it needs an active grant.</param>
/// <param name="MaxTerm">Longest term a grant naming it may have.</param>
/// <param name="Categories">Categories a grant naming it may cover.</param>
internal sealed record PurposePolicy(string Id, bool ConsentRequired, TimeSpan MaxTerm, FrozenSet<string> Categories);

/// <summary>What one institution may ask.</summary>
internal sealed record InstitutionPolicy(string Id, string Name, FrozenSet<string> Purposes, FrozenSet<string> Predicates)
{
    public bool MayUse(string predicate) => Predicates.Contains(predicate);
}

/// <summary>The allowed values of each parameter of one predicate.</summary>
internal sealed record PredicatePolicy(
    string Name,
    FrozenDictionary<string, FrozenSet<long>> AllowedIntegers,
    FrozenDictionary<string, IReadOnlyList<IReadOnlyList<string>>> AllowedSets);

/// <summary>Per (institution, subject, predicate) limits and request shape limits.</summary>
internal sealed record VerificationLimits(int PerSubjectPredicate, TimeSpan Period, int MaxChecksPerRequest);

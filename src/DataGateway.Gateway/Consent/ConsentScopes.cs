using System.Collections.Frozen;

namespace DataGateway.Gateway.Consent;

/// <summary>The query scopes a consent can cover. Aggregates need no individual consent, so there is no aggregate scope.</summary>
internal static class ConsentScopes
{
    public const string Verify = "verify";
    public const string Score = "score";

    public static readonly FrozenSet<string> All = FrozenSet.Create(StringComparer.Ordinal, Verify, Score);
}

namespace DataGateway.Core.Verification;

/// <summary>One parameter of a verification predicate and its closed list of values.</summary>
/// <param name="Name">Wire name, e.g. <c>amountCny</c>.</param>
/// <param name="Kind">How it is written.</param>
/// <param name="AllowedIntegers">For <see cref="ParameterKind.Number"/>: the only values accepted.</param>
/// <param name="AllowedSets">For <see cref="ParameterKind.CodeSet"/>: the only sets accepted, each in canonical order.</param>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    IReadOnlyList<long> AllowedIntegers,
    IReadOnlyList<IReadOnlyList<string>> AllowedSets)
{
    /// <summary>An integer parameter restricted to <paramref name="allowed"/>.</summary>
    public static ParameterDefinition OneOf(string name, params long[] allowed) =>
        new(name, ParameterKind.Number, allowed, []);

    /// <summary>A code-set parameter restricted to <paramref name="allowed"/>.</summary>
    public static ParameterDefinition SetOf(string name, params string[][] allowed) =>
        new(name, ParameterKind.CodeSet, [], allowed);

    /// <summary>A personal value matched by HMAC.</summary>
    public static ParameterDefinition Secret(string name) =>
        new(name, ParameterKind.Secret, [], []);
}

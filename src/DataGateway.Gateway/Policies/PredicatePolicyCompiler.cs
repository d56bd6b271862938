using System.Collections.Frozen;
using System.Globalization;
using DataGateway.Core.Verification;

namespace DataGateway.Gateway.Policies;

/// <summary>Checks one predicate's parameter lists against the catalog: policy may narrow them, never widen.</summary>
internal static class PredicatePolicyCompiler
{
    public static PredicatePolicy Compile(PredicateDefinition definition, Dictionary<string, List<object>> parameters, List<string> errors)
    {
        var where = $"predicates: '{definition.Name}'";
        var integers = new Dictionary<string, FrozenSet<long>>(StringComparer.Ordinal);
        var sets = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var name in parameters.Keys.Where(k => definition.Parameters.All(p => p.Name != k)))
        {
            errors.Add($"{where} has unknown parameter '{name}'");
        }

        foreach (var parameter in definition.Parameters)
        {
            if (parameter.Kind == ParameterKind.Secret)
            {
                continue; // matched by HMAC, nothing to list
            }

            if (!parameters.TryGetValue(parameter.Name, out var values) || values.Count == 0)
            {
                errors.Add($"{where} must list the allowed values of '{parameter.Name}'");
                continue;
            }

            if (parameter.Kind == ParameterKind.Number)
            {
                integers[parameter.Name] = CompileIntegers(parameter, values, where, errors);
            }
            else
            {
                sets[parameter.Name] = CompileSets(parameter, values, where, errors);
            }
        }

        return new PredicatePolicy(definition.Name, integers.ToFrozenDictionary(StringComparer.Ordinal), sets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static FrozenSet<long> CompileIntegers(ParameterDefinition parameter, List<object> values, string where, List<string> errors)
    {
        var result = new HashSet<long>();
        foreach (var value in values)
        {
            if (value is string text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
                parameter.AllowedIntegers.Contains(number))
            {
                result.Add(number);
            }
            else
            {
                errors.Add($"{where} '{parameter.Name}': '{value}' is not one of the catalog's values");
            }
        }

        return result.ToFrozenSet();
    }

    private static IReadOnlyList<IReadOnlyList<string>> CompileSets(ParameterDefinition parameter, List<object> values, string where, List<string> errors)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var value in values)
        {
            var set = value is List<object> items ? items.Select(i => i as string ?? string.Empty).ToArray() : null;
            var match = set is null ? null : parameter.AllowedSets.FirstOrDefault(allowed => allowed.SequenceEqual(set, StringComparer.Ordinal));
            if (match is null)
            {
                errors.Add($"{where} '{parameter.Name}': a value is not one of the catalog's sets");
            }
            else
            {
                result.Add(match);
            }
        }

        return result;
    }
}

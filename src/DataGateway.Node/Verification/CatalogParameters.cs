using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Core.Verification;

namespace DataGateway.Node.Verification;

/// <summary>
/// Checks parameters against a predicate's closed lists (DOMAIN.md: parameters come from a
/// short list per product, never free values, so nobody can bisect an exact amount).
/// </summary>
internal static class CatalogParameters
{
    public static ProblemCode? Validate(PredicateDefinition definition, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        if (parameters.Count != definition.Parameters.Count)
        {
            return ProblemCodes.ParamNotAllowed;
        }

        foreach (var parameter in definition.Parameters)
        {
            if (!parameters.TryGetValue(parameter.Name, out var value) || !IsAllowed(parameter, value))
            {
                return ProblemCodes.ParamNotAllowed;
            }
        }

        return null;
    }

    private static bool IsAllowed(ParameterDefinition parameter, JsonElement value) => parameter.Kind switch
    {
        ParameterKind.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && parameter.AllowedIntegers.Contains(number),
        ParameterKind.CodeSet => value.ValueKind == JsonValueKind.Array && IsAllowedSet(parameter.AllowedSets, value),
        _ => false, // secret parameters exist only on legalRep.matches, which has its own check
    };

    private static bool IsAllowedSet(IReadOnlyList<IReadOnlyList<string>> allowed, JsonElement array)
    {
        var length = array.GetArrayLength();
        foreach (var set in allowed)
        {
            if (set.Count != length)
            {
                continue;
            }

            var i = 0;
            var same = true;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !item.ValueEquals(set[i++]))
                {
                    same = false;
                    break;
                }
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Globalization;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Verification;

namespace DataGateway.Cli.Verification;

/// <summary>
/// Parses one <c>--check</c>: <c>predicate[:name=value[,name=value…]]</c>. A comma followed by a
/// segment without '=' continues the previous value as a list, so <c>tax.gradeIn:grades=A,B</c>
/// gives <c>["A","B"]</c> while <c>legalRep.matches:name=张三,idNumber=…</c> gives two parameters.
/// </summary>
/// <remarks>
/// Values are typed by the predicate catalog (Core <see cref="PredicateCatalog"/>): numbers as
/// JSON numbers, code sets as arrays, personal values as strings. A predicate or parameter the
/// local catalog does not know is still sent (the gateway may be newer): a lone integer becomes
/// a number, a list an array, anything else a string; the gateway decides.
/// </remarks>
internal static class CheckSpecParser
{
    /// <summary>Parses <paramref name="spec"/>; on failure <paramref name="error"/> says why (without echoing values).</summary>
    public static bool TryParse(string? spec, out CheckRequest? check, out string? error)
    {
        check = null;
        error = null;
        if (string.IsNullOrWhiteSpace(spec))
        {
            error = "a check is empty; write predicate or predicate:name=value.";
            return false;
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var predicate = (colon < 0 ? spec : spec[..colon]).Trim();
        if (predicate.Length == 0 || predicate.Any(char.IsWhiteSpace) || predicate.Contains('='))
        {
            error = "a check must start with a predicate name (e.g. tax.paid12mAtLeast:amountCny=300000).";
            return false;
        }

        if (colon < 0)
        {
            check = new CheckRequest { Predicate = predicate };
            return true;
        }

        if (!TrySplit(spec[(colon + 1)..], predicate, out var raw, out error))
        {
            return false;
        }

        PredicateCatalog.TryGet(predicate, out var definition);
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, values) in raw)
        {
            var kind = definition?.Parameters.FirstOrDefault(p => p.Name == name)?.Kind;
            if (!TryType(kind, values, out var element))
            {
                error = $"parameter '{name}' of {predicate} must be {Describe(kind)}.";
                return false;
            }

            parameters[name] = element;
        }

        check = new CheckRequest { Predicate = predicate, Params = parameters };
        return true;
    }

    private static bool TrySplit(string text, string predicate, out List<(string Name, List<string> Values)> parameters, out string? error)
    {
        parameters = [];
        error = null;
        foreach (var segment in text.Split(','))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (parameters.Count == 0 || segment.Trim().Length == 0)
                {
                    error = $"the parameters of {predicate} must be written name=value[,name=value].";
                    return false;
                }

                parameters[^1].Values.Add(segment.Trim());
                continue;
            }

            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (name.Length == 0 || value.Length == 0)
            {
                error = $"a parameter of {predicate} has an empty name or value.";
                return false;
            }

            if (parameters.Any(p => p.Name == name))
            {
                error = $"parameter '{name}' of {predicate} is given twice.";
                return false;
            }

            parameters.Add((name, [value]));
        }

        return true;
    }

    private static bool TryType(ParameterKind? kind, List<string> values, out JsonElement element)
    {
        element = default;
        var isInteger = values.Count == 1 && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        switch (kind)
        {
            case ParameterKind.Number when !isInteger:
            case ParameterKind.Secret when values.Count != 1:
                return false;
            case ParameterKind.Number:
            case null when isInteger:
                element = JsonSerializer.SerializeToElement(long.Parse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                return true;
            case ParameterKind.CodeSet:
            case null when values.Count > 1:
                element = JsonSerializer.SerializeToElement(values);
                return true;
            default:
                element = JsonSerializer.SerializeToElement(values[0]);
                return true;
        }
    }

    private static string Describe(ParameterKind? kind) => kind switch
    {
        ParameterKind.Number => "an integer",
        ParameterKind.Secret => "a single value without commas",
        _ => "a value",
    };
}

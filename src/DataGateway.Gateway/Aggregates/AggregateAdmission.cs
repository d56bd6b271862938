using System.Text.Json;
using DataGateway.Core.Catalog;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// Step 2 of the aggregate pipeline: parse strictly, then check every name and number against
/// the catalog's public dimensions and the policy in force. Rules run in a fixed order so a
/// request always gets the same code; every refusal happens before any budget is touched.
/// </summary>
internal static class AggregateAdmission
{
    public static AggregateRequestBody Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, AggregateJson.Default.AggregateRequestBody)
                ?? throw new AdmissionException(ProblemCodes.InvalidJson);
        }
        catch (JsonException)
        {
            throw new AdmissionException(ProblemCodes.InvalidJson, "The body is malformed, has a duplicate or unknown member, or a member of the wrong type.");
        }
    }

    public static AdmittedAggregate Admit(AggregateRequestBody request, InstitutionPolicy institution, GatewayPolicy policy)
    {
        var rules = policy.Aggregates;
        if (!rules.Institutions.Contains(institution.Id))
        {
            throw new AdmissionException(ProblemCodes.AggregatesNotAllowed);
        }

        if (request.Metric is null || request.Epsilon is null)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "metric and epsilon are required.");
        }

        var metric = request.Metric switch
        {
            "count" => AggregateMetric.Count,
            "sum" => AggregateMetric.Sum,
            "mean" => AggregateMetric.Mean,
            _ => throw new AdmissionException(ProblemCodes.UnknownMetric),
        };
        var (field, bounds) = AdmitField(metric, request.Field, rules);
        var groupBy = AdmitGroupBy(request.GroupBy ?? [], rules);
        var filter = AdmitFilter(request.Filter ?? []);
        var domains = groupBy.Select(d => filter.TryGetValue(d, out var kept) ? kept : DomainOf(d)).ToArray();
        if (domains.Aggregate(1L, (product, domain) => product * domain.Count) > rules.MaxGroups)
        {
            throw new AdmissionException(ProblemCodes.TooManyGroups, $"At most {rules.MaxGroups} groups per query.");
        }

        var epsilon = AdmitEpsilon(request.Epsilon.Value, metric, rules);
        AdmitPurpose(request.Purpose, institution, policy);
        return new AdmittedAggregate(metric, field, bounds, groupBy, domains, filter, epsilon, request.Purpose);
    }

    private static (string? Field, ContributionBounds Bounds) AdmitField(AggregateMetric metric, string? name, AggregatePolicy rules)
    {
        if (metric == AggregateMetric.Count)
        {
            // A count measures records, not a field: one shape per query keeps the cache key unique.
            return name is null
                ? (null, new ContributionBounds(0, 0))
                : throw new AdmissionException(ProblemCodes.InvalidRequest, "A count takes no field.");
        }

        if (name is null)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "sum and mean need a field.");
        }

        if (!FieldCatalog.TryGet(name, out var definition))
        {
            throw new AdmissionException(ProblemCodes.UnknownField);
        }

        return AggregateDimensions.IsMeasurable(definition) && rules.Fields.TryGetValue(definition.Name, out var bounds)
            ? (definition.Name, bounds)
            : throw new AdmissionException(ProblemCodes.FieldNotAggregatable);
    }

    private static string[] AdmitGroupBy(List<string> groupBy, AggregatePolicy rules)
    {
        if (groupBy.Count > rules.MaxGroupBy)
        {
            throw new AdmissionException(ProblemCodes.TooManyGroups, $"At most {rules.MaxGroupBy} group-by dimensions.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dimension in groupBy)
        {
            if (!AggregateDimensions.TryGet(dimension, out _) || !seen.Add(dimension))
            {
                throw new AdmissionException(ProblemCodes.UnknownDimension);
            }
        }

        return [.. groupBy];
    }

    private static SortedDictionary<string, IReadOnlyList<string>> AdmitFilter(Dictionary<string, List<string>> filter)
    {
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (dimension, values) in filter)
        {
            if (!AggregateDimensions.TryGet(dimension, out var known))
            {
                throw new AdmissionException(ProblemCodes.UnknownDimension);
            }

            var domain = known.Domain;
            if (values is null || values.Count == 0 || values.Any(v => !domain.Contains(v, StringComparer.Ordinal)))
            {
                throw new AdmissionException(ProblemCodes.ParamNotAllowed, "A filter lists one or more values of the dimension's public domain.");
            }

            // Catalog order, no duplicates: equal filters produce equal node bodies and cache keys.
            result[dimension] = domain.Where(v => values.Contains(v, StringComparer.Ordinal)).ToArray();
        }

        return result;
    }

    private static IReadOnlyList<string> DomainOf(string dimension) =>
        AggregateDimensions.TryGet(dimension, out var known) ? known.Domain : throw new AdmissionException(ProblemCodes.UnknownDimension);

    private static Epsilon AdmitEpsilon(JsonElement value, AggregateMetric metric, AggregatePolicy rules)
    {
        // Parsed from the JSON text into exact micro-units: no double, no rounding (RELIABILITY.md D2).
        if (!Epsilon.TryFromJson(value, out var epsilon, out _) || epsilon > rules.MaxEpsilonPerQuery ||
            (metric != AggregateMetric.Count && epsilon.MicroUnits < 2))
        {
            throw new AdmissionException(
                ProblemCodes.EpsilonOutOfRange,
                $"Epsilon is a JSON number above 0 and at most {rules.MaxEpsilonPerQuery}, with at most 6 decimals.");
        }

        return epsilon;
    }

    private static void AdmitPurpose(string? purpose, InstitutionPolicy institution, GatewayPolicy policy)
    {
        if (purpose is null)
        {
            return;
        }

        if (!policy.Purposes.Contains(purpose))
        {
            throw new AdmissionException(ProblemCodes.UnknownPurpose);
        }

        if (!institution.Purposes.Contains(purpose))
        {
            throw new AdmissionException(ProblemCodes.PurposeNotAllowed);
        }
    }
}
